import { diffLines } from 'diff';

/** A line diff of two texts (an edited description), removed lines red, added green. */
export function TextDiff({ before, after }: { before: string; after: string }) {
  // A last line without its newline would otherwise count as changed.
  const withEnd = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);
  const parts = diffLines(withEnd(before), withEnd(after));
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
