import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { AppError } from '@/core/errors/app-error';
import { getWikiPage } from './get-wiki-page';
import { WIKI_LOCK_WAIT_MS } from './lock-wiki-page';
import { saveWikiPage } from './save-wiki-page';
import { serverUrl, useWikiTestDatabase, viewerWith } from './testing/wiki-test-db';

const instructor = viewerWith(['instructor']);

describe.skipIf(!serverUrl)('a wiki save while the page lock is held too long', () => {
  const t = useWikiTestDatabase('web_wiki_lock');

  it('answers "try again" within seconds, writes nothing, and saves once the lock is free', async () => {
    await saveWikiPage({
      db: t.db,
      viewer: instructor,
      author: 'ada',
      input: { name: 'Busy', text: 'first', baseVersion: 0 },
    });
    // Another session holding the page's lock in a transaction that does not end.
    const holder = new pg.Client({ connectionString: t.url });
    await holder.connect();
    const edit = { name: 'Busy', text: 'my long edit', baseVersion: 1 };
    try {
      await holder.query('BEGIN');
      await holder.query("SELECT pg_advisory_xact_lock(hashtext('wiki:Busy'))");
      const started = Date.now();
      const save = saveWikiPage({ db: t.db, viewer: instructor, author: 'ivan', input: edit });
      await expect(save).rejects.toBeInstanceOf(AppError);
      await expect(save).rejects.toMatchObject({
        code: 'BUSY',
        message: expect.stringMatching(/nothing was saved.*try saving again/),
      });
      expect(Date.now() - started).toBeLessThan(WIKI_LOCK_WAIT_MS + 1_500);
      expect((await getWikiPage({ db: t.db, name: 'Busy' }))?.version).toBe(1);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    await saveWikiPage({ db: t.db, viewer: instructor, author: 'ivan', input: edit });
    expect(await getWikiPage({ db: t.db, name: 'Busy' })).toMatchObject({
      version: 2,
      text: 'my long edit',
    });
  }, 30_000);
});
