import type { DbOrTransaction } from '../client/db.js';
import { inTransaction } from '../client/transaction.js';
import { seedHelpPages } from './help-pages.js';
import { permissionRows } from './permissions.js';
import { DEFAULT_REPORTS } from './reports.js';
import { DEFAULT_TICKET_CUSTOM_FIELDS, TICKET_CUSTOM_FIELDS_KEY } from './ticket-custom-fields.js';
import { BASIC_WORKFLOW, TICKET_WORKFLOW_KEY } from './workflow.js';

/** Trac's database_version for the Trac 1.4/1.6 table layout this schema follows. */
export const TRAC_DATABASE_VERSION = '45';
const SITE_SEEDED_KEY = 'learntrac_site_seeded';

const ENUMS: Record<string, string[]> = {
  priority: ['blocker', 'critical', 'major', 'minor', 'trivial'],
  severity: ['critical', 'major', 'normal', 'minor', 'trivial'],
  // `mastered` closes a concept ticket its learner has mastered.
  resolution: ['fixed', 'invalid', 'wontfix', 'duplicate', 'worksforme', 'mastered'],
  ticket_type: ['defect', 'enhancement', 'task', 'concept'],
};

export type SeedSiteResult = { seeded: boolean };

/**
 * The defaults a new Trac environment starts with, adapted to LearnTrac. Safe on every
 * start: the defaults are written once (recorded in `system`), so an admin's later edits
 * and deletions stay; `database_version` and the workflow are ensured each time.
 */
export async function seedSite(options: { db: DbOrTransaction }): Promise<SeedSiteResult> {
  return inTransaction(options.db, async (tx) => {
    // Two processes starting together must not both seed.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('learntrac.seed'))`;
    await tx.system.upsert({
      where: { name: 'database_version' },
      create: { name: 'database_version', value: TRAC_DATABASE_VERSION },
      update: {},
    });
    await tx.system.upsert({
      where: { name: TICKET_WORKFLOW_KEY },
      create: { name: TICKET_WORKFLOW_KEY, value: JSON.stringify(BASIC_WORKFLOW) },
      update: {},
    });
    if (await tx.system.findUnique({ where: { name: SITE_SEEDED_KEY } })) return { seeded: false };

    await tx.enum.createMany({
      data: Object.entries(ENUMS).flatMap(([type, names]) =>
        names.map((name, i) => ({ type, name, value: String(i + 1) })),
      ),
      skipDuplicates: true,
    });
    await tx.component.createMany({
      data: [
        { name: 'component1', owner: 'somebody', description: '' },
        { name: 'component2', owner: 'somebody', description: '' },
      ],
      skipDuplicates: true,
    });
    await tx.milestone.createMany({
      data: ['milestone1', 'milestone2', 'milestone3', 'milestone4'].map((name) => ({
        name,
        due: 0n,
        completed: 0n,
        description: '',
      })),
      skipDuplicates: true,
    });
    await tx.version.createMany({
      data: ['1.0', '2.0'].map((name) => ({ name, time: 0n, description: '' })),
      skipDuplicates: true,
    });
    await tx.report.createMany({ data: DEFAULT_REPORTS, skipDuplicates: true });
    // Reports were given explicit ids: move the sequence past them.
    await tx.$executeRaw`SELECT setval(pg_get_serial_sequence('report', 'id'), GREATEST((SELECT MAX(id) FROM report), 1))`;
    await tx.permission.createMany({ data: permissionRows(), skipDuplicates: true });
    await tx.system.upsert({
      where: { name: TICKET_CUSTOM_FIELDS_KEY },
      create: {
        name: TICKET_CUSTOM_FIELDS_KEY,
        value: JSON.stringify(DEFAULT_TICKET_CUSTOM_FIELDS),
      },
      update: {},
    });
    await seedHelpPages({ db: tx, time: BigInt(Date.now()) * 1000n });
    await tx.system.create({ data: { name: SITE_SEEDED_KEY, value: '1' } });
    return { seeded: true };
  });
}
