/** Trac's default largest attachment, used when ATTACHMENTS_MAX_SIZE is unset. */
const DEFAULT_ATTACHMENT_MAX_SIZE = 262_144;

/**
 * The largest request body a form post may have: the largest attachment plus 1 MiB for the rest
 * of the form (which keeps Next's 1 MB default for forms without a file). Next fixes it when the
 * app is built, so next.config computes it once and the front door reads the number from the build.
 */
export function serverActionBodyLimit(env: Record<string, string | undefined>): number {
  return (Number(env.ATTACHMENTS_MAX_SIZE) || DEFAULT_ATTACHMENT_MAX_SIZE) + 1024 * 1024;
}
