/** The names in a Cc field (Trac separates them with commas, spaces are tolerated). */
export function splitCc(cc: string | null | undefined): string[] {
  return (cc ?? '').split(/[\s,]+/).filter(Boolean);
}

/** Whether `name` is on the Cc list: Trac's "Add to Cc" or "Remove from Cc". */
export function ccToggleOf(cc: string | null | undefined, name: string): 'add' | 'remove' {
  return splitCc(cc).includes(name) ? 'remove' : 'add';
}

/** The Cc list with `name` added, or removed if it was there, written as Trac writes it. */
export function toggleCc(cc: string | null | undefined, name: string): string {
  const names = splitCc(cc);
  return (names.includes(name) ? names.filter((other) => other !== name) : [...names, name]).join(
    ', ',
  );
}

/** Whether going from `before` to `after` adds or removes no one but `name`. */
export function changesOnlyOwnCc(before: string | null, after: string, name: string): boolean {
  const was = new Set(splitCc(before));
  const is = new Set(splitCc(after));
  const touched = [...is].filter((n) => !was.has(n)).concat([...was].filter((n) => !is.has(n)));
  return touched.every((n) => n === name);
}
