import { describe, expect, it } from 'vitest';
import { AppError } from '@/core/errors/app-error';
import { getWikiPage } from './get-wiki-page';
import { listWikiPageHistory } from './list-wiki-page-history';
import { revertWikiPage } from './revert-wiki-page';
import { saveWikiPage } from './save-wiki-page';
import { serverUrl, useWikiTestDatabase, viewerWith } from './testing/wiki-test-db';
import { WikiConflictError } from './wiki-errors';

const instructor = viewerWith(['instructor']);
const learner = viewerWith(['learner']);
const admin = viewerWith(['admin']);

describe.skipIf(!serverUrl)('saving wiki pages', () => {
  const t = useWikiTestDatabase('web_wiki_save');

  it('creates a page as version 1 and adds a version on each edit', async () => {
    const first = await saveWikiPage({
      db: t.db,
      viewer: instructor,
      author: 'ada',
      input: { name: 'Course/Intro', text: 'Hello', comment: 'start', baseVersion: 0 },
    });
    expect(first).toEqual({ name: 'Course/Intro', version: 1 });
    await saveWikiPage({
      db: t.db,
      viewer: instructor,
      author: 'ivan',
      input: { name: 'Course/Intro', text: 'Hello, world', baseVersion: 1 },
    });
    const page = await getWikiPage({ db: t.db, name: 'Course/Intro' });
    expect(page).toMatchObject({ version: 2, text: 'Hello, world', author: 'ivan' });
    const history = await listWikiPageHistory({ db: t.db, name: 'Course/Intro' });
    expect(history.map((v) => [v.version, v.author, v.comment])).toEqual([
      [2, 'ivan', ''],
      [1, 'ada', 'start'],
    ]);
  });

  it('refuses to save over a newer version and reports what is there now', async () => {
    await saveWikiPage({
      db: t.db,
      viewer: instructor,
      author: 'ada',
      input: { name: 'Clash', text: 'one', baseVersion: 0 },
    });
    await saveWikiPage({
      db: t.db,
      viewer: instructor,
      author: 'ivan',
      input: { name: 'Clash', text: 'two by ivan', baseVersion: 1 },
    });
    const late = saveWikiPage({
      db: t.db,
      viewer: instructor,
      author: 'ada',
      input: { name: 'Clash', text: 'two by ada', baseVersion: 1 },
    });
    await expect(late).rejects.toBeInstanceOf(WikiConflictError);
    await expect(late).rejects.toMatchObject({ currentVersion: 2, currentText: 'two by ivan' });
    expect((await getWikiPage({ db: t.db, name: 'Clash' }))?.text).toBe('two by ivan');
  });

  it('lets only one of two simultaneous first saves create the page', async () => {
    const save = (author: string) =>
      saveWikiPage({
        db: t.db,
        viewer: instructor,
        author,
        input: { name: 'Race', text: `by ${author}`, baseVersion: 0 },
      });
    const results = await Promise.allSettled([save('a'), save('b')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await listWikiPageHistory({ db: t.db, name: 'Race' })).toHaveLength(1);
  });

  it('does not let learners create or edit pages', async () => {
    await expect(
      saveWikiPage({
        db: t.db,
        viewer: learner,
        author: 'lea',
        input: { name: 'LearnerPage', text: 'x', baseVersion: 0 },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await getWikiPage({ db: t.db, name: 'LearnerPage' })).toBeNull();
  });

  it('keeps read-only pages for wiki admins', async () => {
    await saveWikiPage({
      db: t.db,
      viewer: admin,
      author: 'root',
      input: { name: 'Locked', text: 'rules', baseVersion: 0, readonly: true },
    });
    await expect(
      saveWikiPage({
        db: t.db,
        viewer: instructor,
        author: 'ada',
        input: { name: 'Locked', text: 'my rules', baseVersion: 1 },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('WIKI_ADMIN') });
    expect((await getWikiPage({ db: t.db, name: 'Locked' }))?.readonly).toBe(true);
  });

  it('explains bad names and unchanged text instead of saving', async () => {
    for (const name of ['', 'A//B', '/Lead', 'A/../B']) {
      await expect(
        saveWikiPage({
          db: t.db,
          viewer: instructor,
          author: 'ada',
          input: { name, text: 'x', baseVersion: 0 },
        }),
      ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    await saveWikiPage({
      db: t.db,
      viewer: instructor,
      author: 'ada',
      input: { name: 'Same', text: 'x', baseVersion: 0 },
    });
    await expect(
      saveWikiPage({
        db: t.db,
        viewer: instructor,
        author: 'ada',
        input: { name: 'Same', text: 'x', baseVersion: 1 },
      }),
    ).rejects.toBeInstanceOf(AppError);
  });

  it('reverts to an old version as a new version', async () => {
    await saveWikiPage({
      db: t.db,
      viewer: instructor,
      author: 'a',
      input: { name: 'Rev', text: 'v1', baseVersion: 0 },
    });
    await saveWikiPage({
      db: t.db,
      viewer: instructor,
      author: 'b',
      input: { name: 'Rev', text: 'v2', baseVersion: 1 },
    });
    const result = await revertWikiPage({
      db: t.db,
      viewer: instructor,
      author: 'c',
      input: { name: 'Rev', version: 1, baseVersion: 2 },
    });
    expect(result.version).toBe(3);
    expect(await getWikiPage({ db: t.db, name: 'Rev' })).toMatchObject({
      text: 'v1',
      comment: 'Reverted to version 1.',
    });
  });
});
