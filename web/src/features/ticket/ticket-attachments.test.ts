import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { testServerUrl } from '@learntrac/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPermissions } from '@/core/auth/roles';
import type { Viewer } from '@/core/feature';
import { addAttachment } from '@/features/attachment/add-attachment';
import {
  type AttachmentStorage,
  createLocalAttachmentStorage,
} from '@/features/attachment/attachment-storage';
import { deleteAttachment } from '@/features/attachment/delete-attachment';
import { listAttachments } from '@/features/attachment/list-attachments';
import { refusal } from '@/test/refusal';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { buildTicketHistory } from './build-ticket-history';
import { createNewTicket } from './create-new-ticket';
import { deleteTicket } from './delete-ticket';
import { ticketFeature } from './feature';
import { getTicket } from './get-ticket';
import { tooLargeMessage } from './ticket-attachment-links';

const serverUrl = testServerUrl();
const viewer = (role: 'admin' | 'instructor' | 'learner' | null): Viewer => ({
  name: role,
  permissions: listPermissions(role ? [role] : null),
});
const learner = viewer('learner');
const admin = viewer('admin');
const visitor: Viewer = { name: null, permissions: new Set(['TICKET_VIEW']) };
const bytes = (text: string) => new TextEncoder().encode(text);

describe.skipIf(!serverUrl)('ticket attachments against PostgreSQL', () => {
  const t = useWebTestDatabase({ prefix: 'web_ticket_attach', seed: true });
  let folder: string;
  let storage: AttachmentStorage;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'learntrac-ticket-attachments-'));
    storage = createLocalAttachmentStorage(folder);
  });

  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const newTicket = async () =>
    (
      await createNewTicket({
        db: t.db,
        actor: { name: 'ivan', permissions: new Set(['TICKET_CREATE', 'TICKET_VIEW']) },
        values: { summary: 'Graph search notes', type: 'task' },
      })
    ).id;

  const attach = (id: number, by: Viewer, author: string, filename: string, text: string) =>
    addAttachment({
      db: t.db,
      storage,
      viewer: by,
      author,
      maxSize: 64,
      input: { realm: 'ticket', id: String(id), filename, description: `About ${filename}` },
      data: bytes(text),
    });

  it('lets whoever may comment attach a file, listed in the history and the timeline but not in ticket_change', async () => {
    const id = await newTicket();
    const before = await getTicket({ db: t.db, id });
    await attach(id, learner, 'lea', 'notes.txt', 'breadth first');

    const [listed] = await listAttachments({ db: t.db, realm: 'ticket', id: String(id) });
    expect(listed).toMatchObject({
      filename: 'notes.txt',
      size: 13,
      author: 'lea',
      description: 'About notes.txt',
    });
    expect(
      new TextDecoder().decode(
        (await storage.read({ realm: 'ticket', id: String(id), filename: 'notes.txt' }))!,
      ),
    ).toBe('breadth first');

    // As in Trac, the ticket itself is untouched: no change row, same changetime.
    const after = await getTicket({ db: t.db, id });
    expect(after?.changes).toEqual([]);
    expect(after?.changetimeMicros).toBe(before?.changetimeMicros);
    const history = buildTicketHistory(after!.changes, [listed!]);
    expect(history.map((entry) => [entry.attachment, entry.comment, entry.commentNumber])).toEqual([
      ['notes.txt', 'About notes.txt', null],
    ]);

    const window = { from: new Date(Date.now() - 60_000), to: new Date(Date.now() + 60_000) };
    const list = (filters: string[]) =>
      ticketFeature.timelineProvider!.listEvents({
        db: t.db,
        ...window,
        limit: 50,
        filters,
        authors: { include: [], exclude: [] },
      });
    const updates = await list(['ticket_details']);
    expect(updates.filter((event) => event.kind === 'attachment')).toContainEqual(
      expect.objectContaining({
        title: `notes.txt attached to Ticket #${id} (Graph search notes)`,
        href: `/attachment/ticket/${id}/notes.txt`,
        author: 'lea',
      }),
    );
    expect((await list(['ticket'])).some((event) => event.kind === 'attachment')).toBe(false);
  });

  it('refuses attaching without TICKET_APPEND, deleting without TICKET_ADMIN, and files over the limit', async () => {
    const id = await newTicket();
    expect((await refusal(attach(id, visitor, 'anonymous', 'a.txt', 'x'))).code).toBe('FORBIDDEN');
    const tooBig = await refusal(attach(id, learner, 'lea', 'big.txt', 'x'.repeat(65)));
    expect(tooBig.code).toBe('PAYLOAD_TOO_LARGE');
    expect(tooBig.message).toContain('at most 64 bytes');
    expect(tooLargeMessage(300 * 1024, 256 * 1024)).toBe(
      'The file is 300.0 KB; attachments may have at most 256.0 KB.',
    );
    expect((await refusal(attach(999_999, learner, 'lea', 'a.txt', 'x'))).code).toBe('NOT_FOUND');
    expect(await listAttachments({ db: t.db, realm: 'ticket', id: String(id) })).toEqual([]);

    await attach(id, learner, 'lea', 'keep.txt', 'x');
    const key = { realm: 'ticket' as const, id: String(id), filename: 'keep.txt' };
    expect(
      (await refusal(deleteAttachment({ db: t.db, storage, viewer: learner, input: key }))).code,
    ).toBe('FORBIDDEN');
    await deleteAttachment({ db: t.db, storage, viewer: admin, input: key });
    expect(await listAttachments({ db: t.db, realm: 'ticket', id: String(id) })).toEqual([]);
    expect(await storage.read(key)).toBeNull();
  });

  it('deleting a ticket removes its attachments and their files', async () => {
    const id = await newTicket();
    await attach(id, learner, 'lea', 'gone.txt', 'bye');
    await deleteTicket({
      db: t.db,
      storage,
      actor: { name: 'ada', permissions: new Set(['TRAC_ADMIN']) },
      ticketId: id,
    });
    expect(await listAttachments({ db: t.db, realm: 'ticket', id: String(id) })).toEqual([]);
    expect(
      await storage.read({ realm: 'ticket', id: String(id), filename: 'gone.txt' }),
    ).toBeNull();
  });
});
