import { describe, expect, it } from 'vitest';
import { saveWikiPage } from '@/features/wiki/save-wiki-page';
import { serverUrl, useWikiTestDatabase, viewerWith } from '@/features/wiki/testing/wiki-test-db';
import { refusal } from '@/test/refusal';
import { addAttachment } from './add-attachment';
import { deleteAttachment } from './delete-attachment';
import { listAttachments } from './list-attachments';

const admin = viewerWith(['admin']);
const instructor = viewerWith(['instructor']);
const learner = viewerWith(['learner']);
const bytes = (text: string) => new TextEncoder().encode(text);

describe.skipIf(!serverUrl)('who may change attachments', () => {
  const t = useWikiTestDatabase('web_attachment_perms');

  const page = async (name: string, readonly = false) =>
    saveWikiPage({
      db: t.db,
      viewer: admin,
      author: 'root',
      input: { name, text: `${name} text`, baseVersion: 0, readonly },
    });
  const upload = (options: {
    viewer: typeof admin;
    author: string;
    id: string;
    filename: string;
    replace?: boolean;
  }) =>
    addAttachment({
      db: t.db,
      storage: t.storage,
      viewer: options.viewer,
      author: options.author,
      maxSize: 1000,
      input: {
        realm: 'wiki',
        id: options.id,
        filename: options.filename,
        replace: options.replace,
      },
      data: bytes(`from ${options.author}`),
    });
  const remove = (viewer: typeof admin, id: string, filename: string) =>
    deleteAttachment({
      db: t.db,
      storage: t.storage,
      viewer,
      input: { realm: 'wiki', id, filename },
    });
  const names = async (id: string) =>
    (await listAttachments({ db: t.db, realm: 'wiki', id })).map((a) => a.filename);

  it('refuses an instructor deleting a file of a read-only page, as it refuses uploading there', async () => {
    await page('Locked', true);
    await upload({ viewer: admin, author: 'root', id: 'Locked', filename: 'rules.txt' });

    const upload403 = await refusal(
      upload({ viewer: instructor, author: 'ada', id: 'Locked', filename: 'more.txt' }),
    );
    const delete403 = await refusal(remove(instructor, 'Locked', 'rules.txt'));
    for (const error of [upload403, delete403]) {
      expect(error.code).toBe('FORBIDDEN');
      expect(error.message).toContain('WIKI_ADMIN');
    }
    expect(await names('Locked')).toEqual(['rules.txt']);

    await remove(admin, 'Locked', 'rules.txt');
    expect(await names('Locked')).toEqual([]);
  });

  it('lets only someone who may delete replace another person’s file', async () => {
    await page('Shared');
    await upload({ viewer: instructor, author: 'ada', id: 'Shared', filename: 'notes.txt' });

    // Ada may replace her own file, and Grace (an instructor too, with WIKI_DELETE) hers.
    await upload({
      viewer: instructor,
      author: 'ada',
      id: 'Shared',
      filename: 'notes.txt',
      replace: true,
    });
    await upload({
      viewer: instructor,
      author: 'grace',
      id: 'Shared',
      filename: 'notes.txt',
      replace: true,
    });

    const noDelete = {
      ...instructor,
      permissions: new Set([...instructor.permissions].filter((p) => p !== 'WIKI_DELETE')),
    };
    const error = await refusal(
      upload({
        viewer: noDelete,
        author: 'ada',
        id: 'Shared',
        filename: 'notes.txt',
        replace: true,
      }),
    );
    expect(error.message).toContain('WIKI_DELETE');
    const [stored] = await listAttachments({ db: t.db, realm: 'wiki', id: 'Shared' });
    expect(stored?.author).toBe('grace');
  });

  it('refuses a learner every change to a wiki page’s files', async () => {
    await page('Open');
    await upload({ viewer: instructor, author: 'ada', id: 'Open', filename: 'a.txt' });
    await refusal(upload({ viewer: learner, author: 'lee', id: 'Open', filename: 'b.txt' }));
    await refusal(remove(learner, 'Open', 'a.txt'));
    expect(await names('Open')).toEqual(['a.txt']);
  });

  it('says the parent is missing rather than failing', async () => {
    const error = await refusal(remove(admin, 'NoSuchPage', 'x.txt'));
    expect(error.code).toBe('NOT_FOUND');
  });
});
