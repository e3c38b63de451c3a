import { diffLines } from 'diff';

export type DiffLineKind = 'same' | 'removed' | 'added';

export interface DiffLine {
  kind: DiffLineKind;
  oldNumber: number | null;
  newNumber: number | null;
  text: string;
}

/** One row of the side-by-side view: the old line on the left, the new one on the right. */
export interface DiffRow {
  kind: 'same' | 'changed' | 'removed' | 'added';
  left: { number: number; text: string } | null;
  right: { number: number; text: string } | null;
}

export interface DiffHunk {
  /** 1-based first line of the hunk in the old and new text. */
  oldStart: number;
  newStart: number;
  lines: DiffLine[];
  rows: DiffRow[];
}

export interface WikiTextDiff {
  hunks: DiffHunk[];
  added: number;
  removed: number;
}

const splitLines = (value: string) => {
  const lines = value.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
};

/** Pairs removed and added lines of one change so the side-by-side view lines them up. */
function toRows(lines: DiffLine[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let removed: DiffLine[] = [];
  let added: DiffLine[] = [];
  const flush = () => {
    const count = Math.max(removed.length, added.length);
    for (let i = 0; i < count; i++) {
      const left = removed[i];
      const right = added[i];
      rows.push({
        kind: left && right ? 'changed' : left ? 'removed' : 'added',
        left: left ? { number: left.oldNumber ?? 0, text: left.text } : null,
        right: right ? { number: right.newNumber ?? 0, text: right.text } : null,
      });
    }
    removed = [];
    added = [];
  };
  for (const line of lines) {
    if (line.kind === 'removed') removed.push(line);
    else if (line.kind === 'added') added.push(line);
    else {
      flush();
      rows.push({
        kind: 'same',
        left: { number: line.oldNumber ?? 0, text: line.text },
        right: { number: line.newNumber ?? 0, text: line.text },
      });
    }
  }
  flush();
  return rows;
}

/**
 * A line diff of two texts, cut into hunks with `context` unchanged lines around each change
 * (all lines when `context` is null), ready for the inline and side-by-side views.
 */
export function diffWikiText(options: {
  oldText: string;
  newText: string;
  context?: number | null;
}): WikiTextDiff {
  const context = options.context === undefined ? 3 : options.context;
  const all: DiffLine[] = [];
  let oldNumber = 1;
  let newNumber = 1;
  let added = 0;
  let removed = 0;
  // A missing final newline would make the last line differ from itself followed by more.
  const normalise = (text: string) => {
    const unix = text.replace(/\r\n?/g, '\n');
    return unix === '' || unix.endsWith('\n') ? unix : `${unix}\n`;
  };
  for (const change of diffLines(normalise(options.oldText), normalise(options.newText))) {
    for (const text of splitLines(change.value)) {
      if (change.added) {
        all.push({ kind: 'added', oldNumber: null, newNumber: newNumber++, text });
        added++;
      } else if (change.removed) {
        all.push({ kind: 'removed', oldNumber: oldNumber++, newNumber: null, text });
        removed++;
      } else {
        all.push({ kind: 'same', oldNumber: oldNumber++, newNumber: newNumber++, text });
      }
    }
  }
  const keep = all.map((line) => line.kind !== 'same');
  if (context === null) keep.fill(true);
  else {
    all.forEach((line, index) => {
      if (line.kind === 'same') return;
      for (
        let i = Math.max(0, index - context);
        i <= Math.min(all.length - 1, index + context);
        i++
      ) {
        keep[i] = true;
      }
    });
  }
  const hunks: DiffHunk[] = [];
  let current: DiffLine[] = [];
  const close = () => {
    if (!current.length) return;
    const first = current[0]!;
    const firstOld = current.find((l) => l.oldNumber !== null)?.oldNumber ?? first.newNumber ?? 1;
    const firstNew = current.find((l) => l.newNumber !== null)?.newNumber ?? first.oldNumber ?? 1;
    hunks.push({ oldStart: firstOld, newStart: firstNew, lines: current, rows: toRows(current) });
    current = [];
  };
  all.forEach((line, index) => {
    if (keep[index]) current.push(line);
    else close();
  });
  close();
  return { hunks, added, removed };
}
