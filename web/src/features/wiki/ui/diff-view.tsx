import type { WikiTextDiff } from '../diff-wiki-text';

/** A line diff, inline (one column, - and +) or side by side (old left, new right). */
export function DiffView({
  diff,
  style,
  oldLabel,
  newLabel,
}: {
  diff: WikiTextDiff;
  style: 'inline' | 'sidebyside';
  oldLabel: string;
  newLabel: string;
}) {
  if (!diff.hunks.length) return <p className="muted">No differences.</p>;
  if (style === 'sidebyside') {
    return (
      <table className="trac-diff sidebyside" aria-label="Changes side by side">
        <thead>
          <tr>
            <th className="lineno" />
            <th>{oldLabel}</th>
            <th className="lineno" />
            <th>{newLabel}</th>
          </tr>
        </thead>
        {diff.hunks.map((hunk) => (
          <tbody key={`${hunk.oldStart}-${hunk.newStart}`}>
            <tr className="hunk">
              <td colSpan={4}>
                Line {hunk.oldStart} → {hunk.newStart}
              </td>
            </tr>
            {hunk.rows.map((row) => (
              <tr
                key={`${row.left?.number ?? '-'}:${row.right?.number ?? '-'}`}
                className={row.kind}
              >
                <th className="lineno">{row.left?.number}</th>
                <td className={row.left && row.kind !== 'same' ? 'removed' : undefined}>
                  {row.left?.text}
                </td>
                <th className="lineno">{row.right?.number}</th>
                <td className={row.right && row.kind !== 'same' ? 'added' : undefined}>
                  {row.right?.text}
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    );
  }
  return (
    <table className="trac-diff inline" aria-label="Changes inline">
      <thead>
        <tr>
          <th className="lineno" title={oldLabel}>
            old
          </th>
          <th className="lineno" title={newLabel}>
            new
          </th>
          <th />
        </tr>
      </thead>
      {diff.hunks.map((hunk) => (
        <tbody key={`${hunk.oldStart}-${hunk.newStart}`}>
          <tr className="hunk">
            <td colSpan={3}>
              Line {hunk.oldStart} → {hunk.newStart}
            </td>
          </tr>
          {hunk.lines.map((line) => (
            <tr key={`${line.oldNumber ?? '-'}:${line.newNumber ?? '-'}`} className={line.kind}>
              <th className="lineno">{line.oldNumber}</th>
              <th className="lineno">{line.newNumber}</th>
              <td>
                <span className="sign" aria-hidden="true">
                  {line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ' '}
                </span>
                {line.text}
              </td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
