/**
 * The dynamic variables of a report request: every upper-case URL argument (`?MILESTONE=m1`),
 * and `USER`, the viewer's name (`anonymous` when not signed in) unless the URL gives one, as
 * Trac allows.
 */
export function reportVariables(
  params: URLSearchParams,
  user: string | null,
): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const [key, value] of params) {
    if (/^[A-Z_][A-Z0-9_]*$/.test(key) && !(key in variables)) variables[key] = value;
  }
  variables.USER ??= user ?? 'anonymous';
  return variables;
}
