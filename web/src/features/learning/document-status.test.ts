import { describe, expect, it } from 'vitest';
import {
  describeDocumentStatus,
  formatBytes,
  ingestionFraction,
  isIngesting,
} from './document-status';

const at = (status: Parameters<typeof isIngesting>[0], done = 0, total = 0, error = null) => ({
  status,
  error,
  progress: { chunksDone: done, chunksTotal: total },
});

describe('a document’s ingestion status', () => {
  it('keeps looking until the document is indexed or has failed', () => {
    expect(['queued', 'extracting', 'embedding'].every((s) => isIngesting(s as never))).toBe(true);
    expect(isIngesting('indexed')).toBe(false);
    expect(isIngesting('failed')).toBe(false);
  });

  it('counts the passages indexed so far, and says why a document failed', () => {
    expect(describeDocumentStatus(at('embedding', 12, 40))).toBe('Indexing: 12 of 40 passages');
    expect(ingestionFraction(at('embedding', 12, 40))).toBeCloseTo(0.3);
    expect(ingestionFraction(at('extracting'))).toBeNull();
    expect(
      describeDocumentStatus({ ...at('failed'), error: 'The PDF has no text layer' } as never),
    ).toBe('Failed: The PDF has no text layer');
  });

  it('writes sizes in the unit people read', () => {
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3.5 * 1024 * 1024)).toBe('3.5 MB');
  });
});
