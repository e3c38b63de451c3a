import { describe, expect, it } from 'vitest';
import { addAttachment } from '@/features/attachment/add-attachment';
import { deleteAttachment } from '@/features/attachment/delete-attachment';
import { listAttachments } from '@/features/attachment/list-attachments';
import { deleteWikiPage } from './delete-wiki-page';
import { getWikiPage } from './get-wiki-page';
import { listWikiPageHistory } from './list-wiki-page-history';
import { renameWikiPage } from './rename-wiki-page';
import { saveWikiPage } from './save-wiki-page';
import { serverUrl, useWikiTestDatabase, viewerWith } from './testing/wiki-test-db';

const instructor = viewerWith(['instructor']);
const learner = viewerWith(['learner']);
const bytes = (text: string) => new TextEncoder().encode(text);

describe.skipIf(!serverUrl)('renaming, deleting and attaching', () => {
  const t = useWikiTestDatabase('web_wiki_rename');

  const create = async (name: string, versions = 1) => {
    for (let v = 1; v <= versions; v++) {
      await saveWikiPage({
        db: t.db,
        viewer: instructor,
        author: 'ada',
        input: { name, text: `${name} v${v}`, baseVersion: v - 1 },
      });
    }
  };
  const attach = (id: string, filename: string, data = bytes('hello')) =>
    addAttachment({
      db: t.db,
      storage: t.storage,
      viewer: instructor,
      author: 'ada',
      maxSize: 100,
      input: { realm: 'wiki', id, filename },
      data,
    });

  it('moves every version and attachment to the new name and can leave a redirect', async () => {
    await create('Old', 2);
    await attach('Old', 'notes.txt');
    await renameWikiPage({
      db: t.db,
      storage: t.storage,
      viewer: instructor,
      author: 'ada',
      input: { name: 'Old', newName: 'Course/New', redirect: true },
    });
    expect(await listWikiPageHistory({ db: t.db, name: 'Course/New' })).toHaveLength(2);
    expect((await getWikiPage({ db: t.db, name: 'Old' }))?.text).toContain('[wiki:"Course/New"]');
    expect(
      (await listAttachments({ db: t.db, realm: 'wiki', id: 'Course/New' })).map((a) => a.filename),
    ).toEqual(['notes.txt']);
    const moved = await t.storage.read({ realm: 'wiki', id: 'Course/New', filename: 'notes.txt' });
    expect(new TextDecoder().decode(moved!)).toBe('hello');
  });

  it('refuses to rename onto an existing page', async () => {
    await create('Taken');
    await create('Mover');
    await expect(
      renameWikiPage({
        db: t.db,
        storage: t.storage,
        viewer: instructor,
        author: 'ada',
        input: { name: 'Mover', newName: 'Taken' },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await getWikiPage({ db: t.db, name: 'Mover' })).not.toBeNull();
  });

  it('deletes one version, then the whole page with its attachments', async () => {
    await create('Doomed', 2);
    await attach('Doomed', 'a.txt');
    const first = await deleteWikiPage({
      db: t.db,
      storage: t.storage,
      viewer: instructor,
      input: { name: 'Doomed', version: 2 },
    });
    expect(first.pageRemains).toBe(true);
    expect((await getWikiPage({ db: t.db, name: 'Doomed' }))?.version).toBe(1);
    await deleteWikiPage({
      db: t.db,
      storage: t.storage,
      viewer: instructor,
      input: { name: 'Doomed' },
    });
    expect(await getWikiPage({ db: t.db, name: 'Doomed' })).toBeNull();
    expect(await listAttachments({ db: t.db, realm: 'wiki', id: 'Doomed' })).toEqual([]);
    expect(await t.storage.read({ realm: 'wiki', id: 'Doomed', filename: 'a.txt' })).toBeNull();
  });

  it('keeps learners from renaming, deleting or attaching', async () => {
    await create('Guarded');
    await expect(
      renameWikiPage({
        db: t.db,
        storage: t.storage,
        viewer: learner,
        author: 'lea',
        input: { name: 'Guarded', newName: 'Mine' },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      deleteWikiPage({ db: t.db, storage: t.storage, viewer: learner, input: { name: 'Guarded' } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      addAttachment({
        db: t.db,
        storage: t.storage,
        viewer: learner,
        author: 'lea',
        maxSize: 100,
        input: { realm: 'wiki', id: 'Guarded', filename: 'x.txt' },
        data: bytes('x'),
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses files over the size limit, duplicates and pages that do not exist', async () => {
    await create('Files');
    await expect(attach('Files', 'big.bin', new Uint8Array(101))).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
    await attach('Files', 'one.txt');
    await expect(attach('Files', 'one.txt')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(attach('Nowhere', 'one.txt')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A path in the file name is dropped, never used to place the file.
    const key = await attach('Files', '../../etc/passwd');
    expect(key.filename).toBe('passwd');
    await deleteAttachment({
      db: t.db,
      storage: t.storage,
      viewer: instructor,
      input: { realm: 'wiki', id: 'Files', filename: 'one.txt' },
    });
    expect(
      (await listAttachments({ db: t.db, realm: 'wiki', id: 'Files' })).map((a) => a.filename),
    ).toEqual(['passwd']);
  });
});
