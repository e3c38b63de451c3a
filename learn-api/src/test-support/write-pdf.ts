import { crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

/** A real PDF drawn by `draw` with pdfkit (standard fonts, nothing fetched). */
export async function writePdf(
  options: PDFKit.PDFDocumentOptions,
  draw: (doc: PDFKit.PDFDocument) => void,
): Promise<Uint8Array> {
  const doc = new PDFDocument({ ...options, compress: false });
  const parts: Buffer[] = [];
  doc.on('data', (part: Buffer) => parts.push(part));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(parts));
}

/** A grey-scale PNG with a pattern, standing in for a scanned page. */
export function writePng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, checksum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample; colour type 0 (grey), default compression, filter, no interlace
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows[y * (width + 1) + 1 + x] = (x * 37 + y * 11) % 256;
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface OutlineItemOptions {
  /** 0-based page the entry points to. */
  pageNumber: number;
  /** Point at the whole page rather than at a spot on it. */
  fit?: boolean;
  /** With `fit: false`, the spot's distance from the top of the page. */
  top?: number;
}

/** pdfkit takes these options for an outline entry, though its typings know only `expanded`. */
export function addOutlineItem(
  parent: PDFKit.PDFOutline,
  title: string,
  options: OutlineItemOptions,
): PDFKit.PDFOutline {
  return parent.addItem(title, options as unknown as { expanded?: boolean });
}
