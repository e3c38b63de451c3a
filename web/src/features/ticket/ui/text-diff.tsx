import { diffLines } from 'diff';

/** A line diff of two texts (an edited description), removed lines red, added green. */
export function TextDiff({ before, after }: { before: string; after: string }) {
  const parts = diffLines(before, after);
  return (
    <pre className="ticket-diff">
      {parts.map((part, index) => {
        const lines = part.value.replace(/\n$/, '').split('\n');
        const sign = part.added ? '+' : part.removed ? '-' : ' ';
        const className = part.added ? 'add' : part.removed ? 'rem' : 'ctx';
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: diff parts have no identity but their order
          <span key={index} className={className}>
            {lines.map((line) => `${sign} ${line}\n`).join('')}
          </span>
        );
      })}
    </pre>
  );
}
