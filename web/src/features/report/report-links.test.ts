import { testServerUrl } from '@learntrac/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { listPermissions, type Permission } from '@/core/auth/roles';
import { renderWikiText } from '@/core/wiki-render/render-wiki-text';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { reportFeature } from './feature';

const serverUrl = testServerUrl();

describe.skipIf(!serverUrl)('report links in wiki text', () => {
  const t = useWebTestDatabase({ prefix: 'web_report_links' });
  let reportId: number;

  beforeAll(async () => {
    const rows = await t.prisma.$queryRaw<{ id: number }[]>`
      INSERT INTO report (author, title, query) VALUES ('ada', 'Open by owner', 'SELECT 1')
      RETURNING id`;
    reportId = rows[0]!.id;
  });

  const learner = listPermissions(['learner']);
  const render = (text: string, permissions: ReadonlySet<Permission>) =>
    renderWikiText({
      db: t.db,
      viewer: { name: null, permissions },
      text,
      context: { realm: 'wiki', id: 'Start' },
      features: [reportFeature],
    });

  it('titles links to a report with its title, in both spellings', async () => {
    const html = await render(`report:${reportId} {${reportId}}`, learner);
    const link = `class="report" href="/report/${reportId}" title="Open by owner"`;
    expect(html.split(link)).toHaveLength(3);
  });

  it('marks a report that does not exist as missing', async () => {
    const html = await render('report:9999', learner);
    expect(html).toContain('class="missing report" href="/report/9999" rel="nofollow"');
  });

  it('tells someone who may not view tickets nothing about which reports exist', async () => {
    const html = await render(`report:${reportId} report:9999`, new Set());
    expect(html).not.toContain('Open by owner');
    expect(html).not.toContain('missing');
  });
});
