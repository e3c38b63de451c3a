import { AttachmentRealmSchema } from './attachment-input';
import type { AttachmentRealm } from './attachment-permissions';

/**
 * `/attachment/<realm>/<id...>/<filename>`: the id may itself contain `/` (a wiki page
 * `Parent/Child`), the last part is the file. With `parentOnly`, every part after the realm is
 * the id (the upload form's address). The parts are route parameters, which Next.js has already
 * decoded: decoding them again would misread a `%` in a file name.
 */
export function parseAttachmentPath(
  parts: string[],
  parentOnly = false,
): { realm: AttachmentRealm; id: string; filename: string } | null {
  const realm = AttachmentRealmSchema.safeParse(parts[0]);
  if (!realm.success) return null;
  const rest = parts.slice(1);
  if (parentOnly)
    return rest.length ? { realm: realm.data, id: rest.join('/'), filename: '' } : null;
  if (rest.length < 2) return null;
  return { realm: realm.data, id: rest.slice(0, -1).join('/'), filename: rest[rest.length - 1]! };
}
