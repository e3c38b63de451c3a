import { testServerUrl } from '@learntrac/db/testing';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { listRetargetMilestones } from './list-milestones';
import { MilestoneTargetOptions } from './ui/milestone-target-options';

const serverUrl = testServerUrl();
const day = (d: number) => BigInt(Date.UTC(2026, 0, d)) * 1000n;

describe.skipIf(!serverUrl)('retarget choices against PostgreSQL', () => {
  const t = useWebTestDatabase({ prefix: 'web_milestone_retarget' });

  beforeAll(async () => {
    for (const [name, due, completed] of [
      ['Later', day(20), 0n],
      ['Someday', 0n, 0n],
      ['Soon', day(5), 0n],
      ['Leaving', day(10), 0n],
      ['Shipped in March', day(1), day(60)],
      ['Anytime', null, null],
      ['Shipped in February', 0n, day(40)],
    ] as const) {
      await t.prisma.milestone.create({ data: { name, due, completed, description: '' } });
    }
  });

  it('offers every other milestone: open by due date, open undated, then completed', async () => {
    expect(await listRetargetMilestones({ db: t.db, except: 'Leaving' })).toEqual([
      { label: 'Open (by due date)', names: ['Soon', 'Later'] },
      { label: 'Open (no due date)', names: ['Anytime', 'Someday'] },
      { label: 'Closed', names: ['Shipped in February', 'Shipped in March'] },
    ]);
  });

  it('shows each group as a labelled optgroup of the choice list', async () => {
    const groups = await listRetargetMilestones({ db: t.db, except: 'Leaving' });
    const html = renderToStaticMarkup(
      createElement('select', null, createElement(MilestoneTargetOptions, { groups })),
    );
    expect(html).toBe(
      '<select>' +
        '<optgroup label="Open (by due date)"><option value="Soon">Soon</option><option value="Later">Later</option></optgroup>' +
        '<optgroup label="Open (no due date)"><option value="Anytime">Anytime</option><option value="Someday">Someday</option></optgroup>' +
        '<optgroup label="Closed"><option value="Shipped in February">Shipped in February</option><option value="Shipped in March">Shipped in March</option></optgroup>' +
        '</select>',
    );
  });

  it('leaves out groups with no milestone in them', async () => {
    await t.prisma.$executeRaw`DELETE FROM milestone WHERE coalesce(completed, 0) = 0`;
    expect(await listRetargetMilestones({ db: t.db, except: 'Shipped in March' })).toEqual([
      { label: 'Closed', names: ['Shipped in February'] },
    ]);
  });
});
