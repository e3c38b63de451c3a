import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandPermissions, type PermissionAction } from '@learntrac/db/permissions';
import { testServerUrl } from '@learntrac/db/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { listPermissions } from '@/core/auth/roles';
import type { Viewer } from '@/core/feature';
import { useWebTestDatabase } from '@/test/use-web-test-database';

// Every server action runs as whoever `getViewer` says; the tests choose that person.
const acting = vi.hoisted(() => ({
  viewer: null as unknown as Viewer & { user: { id: string; username: string } | null },
}));
vi.mock('@/core/auth/current-user', () => ({
  getViewer: async () => acting.viewer,
  getCurrentUser: async () => acting.viewer.user,
}));

const here = path.dirname(fileURLToPath(import.meta.url));

/** Every module under src that declares server actions, by its path from src. */
function serverActionModules(folder = here): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return serverActionModules(full);
    if (!/\.tsx?$/.test(name) || name.endsWith('.test.ts')) return [];
    return /^['"]use server['"]/.test(readFileSync(full, 'utf8').trimStart())
      ? [path.relative(here, full)]
      : [];
  });
}

type Action = (...args: unknown[]) => Promise<unknown>;

async function loadActions(): Promise<Map<string, Action>> {
  const actions = new Map<string, Action>();
  for (const file of serverActionModules()) {
    const module = (await import(`./${file.replace(/\.tsx?$/, '')}`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value === 'function') actions.set(`${file}#${name}`, value as Action);
    }
  }
  return actions;
}

const form = (fields: Record<string, string | File>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};
const file = (name = 'notes.txt') => new File(['hello'], name, { type: 'text/plain' });

/**
 * What each action needs: the permission its page (or the form's box on it) requires, and a
 * form that would succeed for someone holding it. A new server action must be added here.
 */
const PAGE_PERMISSIONS: Record<
  string,
  { permission: PermissionAction; fields: () => Record<string, string | File> }
> = {
  'app/newticket/actions.ts#createTicketAction': {
    permission: 'TICKET_CREATE',
    fields: () => ({ field_summary: 'New', field_type: 'defect', field_priority: 'major' }),
  },
  'features/report/ui/report-actions.ts#saveReportAction': {
    permission: 'REPORT_CREATE',
    fields: () => ({ title: 'Mine', query: 'SELECT id FROM ticket' }),
  },
  'features/report/ui/report-actions.ts#deleteReportAction': {
    permission: 'REPORT_DELETE',
    fields: () => ({ id: '1' }),
  },
  'app/ticket/[id]/actions.ts#modifyTicketAction': {
    permission: 'TICKET_APPEND',
    fields: () => ({ ticketId: String(fixtures.ticketId), comment: 'Me too', action: 'leave' }),
  },
  'features/ticket/ui/ticket-actions.ts#editCommentAction': {
    permission: 'TICKET_EDIT_COMMENT',
    fields: () => ({ ticketId: String(fixtures.ticketId), cnum: '1', edited_comment: 'Edited' }),
  },
  'features/ticket/ui/ticket-actions.ts#deleteTicketAction': {
    permission: 'TICKET_ADMIN',
    fields: () => ({ ticketId: String(fixtures.ticketId), confirm: String(fixtures.ticketId) }),
  },
  'features/ticket/ui/ticket-actions.ts#attachFileAction': {
    permission: 'TICKET_APPEND',
    fields: () => ({ ticketId: String(fixtures.ticketId), file: file() }),
  },
  'features/ticket/ui/ticket-actions.ts#deleteTicketAttachmentAction': {
    permission: 'TICKET_ADMIN',
    fields: () => ({ ticketId: String(fixtures.ticketId), filename: 'spec.txt' }),
  },
  'features/ticket/ui/admin/ticket-admin-actions.ts#addTicketValueAction': {
    permission: 'TRAC_ADMIN',
    fields: () => ({ list: 'component', name: 'Parser' }),
  },
  'features/ticket/ui/admin/ticket-admin-actions.ts#updateTicketValueAction': {
    permission: 'TRAC_ADMIN',
    fields: () => ({ list: 'component', originalName: 'component1', name: 'Renamed' }),
  },
  'features/roadmap/ui/milestone-admin-actions.ts#addMilestoneAction': {
    permission: 'TRAC_ADMIN',
    fields: () => ({ name: 'Sneaky milestone' }),
  },
  'features/roadmap/ui/milestone-admin-actions.ts#updateMilestoneAction': {
    permission: 'TRAC_ADMIN',
    fields: () => ({ originalName: 'milestone1', name: 'milestone1', description: 'x' }),
  },
  'features/ticket/ui/admin/ticket-admin-actions.ts#saveCustomFieldAction': {
    permission: 'TRAC_ADMIN',
    fields: () => ({ name: 'points', type: 'text', label: 'Points' }),
  },
  'features/ticket/ui/admin/ticket-admin-actions.ts#saveWorkflowAction': {
    permission: 'TRAC_ADMIN',
    fields: () => ({ workflow: 'leave = * -> *' }),
  },
  'features/admin/ui/permission-actions.ts#grantPermissionAction': {
    permission: 'TRAC_ADMIN',
    fields: () => ({ subject: 'learners', action: 'TRAC_ADMIN' }),
  },
  'features/admin/ui/permission-actions.ts#revokePermissionsAction': {
    permission: 'TRAC_ADMIN',
    fields: () => ({ sel: 'admins:TRAC_ADMIN' }),
  },
  'features/ticket/ui/admin/ticket-admin-actions.ts#submitListAction': {
    permission: 'TRAC_ADMIN',
    fields: () => ({ list: 'component', intent: 'remove', sel: 'component1' }),
  },
  'features/roadmap/ui/milestone-admin-actions.ts#submitMilestoneListAction': {
    permission: 'TRAC_ADMIN',
    fields: () => ({ list: 'milestone', intent: 'remove', sel: 'milestone1' }),
  },
  'features/learning/ui/instructor/instructor-actions.ts#changeDocumentAction': {
    permission: 'LEARNING_MANAGE',
    fields: () => ({ documentId: fixtures.uuid, intent: 'publish' }),
  },
  'features/learning/ui/instructor/instructor-actions.ts#createPathAction': {
    permission: 'LEARNING_MANAGE',
    fields: () => ({ title: 'Recursion', source: 'query', query: 'recursion' }),
  },
  'features/learning/ui/instructor/instructor-actions.ts#generateQuestionsAction': {
    permission: 'LEARNING_MANAGE',
    fields: () => ({ pathId: fixtures.uuid, ticketId: '1' }),
  },
  'features/learning/ui/instructor/instructor-actions.ts#reviewQuestionAction': {
    permission: 'LEARNING_MANAGE',
    fields: () => ({ questionId: fixtures.uuid, intent: 'approve' }),
  },
  'features/learning/ui/instructor/instructor-actions.ts#prerequisiteAction': {
    permission: 'LEARNING_MANAGE',
    fields: () => ({ pathId: fixtures.uuid, ticketId: '2', prerequisiteId: '1', intent: 'add' }),
  },
  'features/learning/ui/instructor/instructor-actions.ts#changePathStatusAction': {
    permission: 'LEARNING_MANAGE',
    fields: () => ({ pathId: fixtures.uuid, status: 'published' }),
  },
  'features/admin/ui/session-actions.ts#revokeUserSessionsAction': {
    permission: 'TRAC_ADMIN',
    fields: () => ({ username: 'someone' }),
  },
  'features/learning/ui/learner/learner-actions.ts#answerQuestionAction': {
    permission: 'LEARNING_ANSWER',
    fields: () => ({ questionId: fixtures.uuid, pathId: fixtures.uuid, answer: 'A base case' }),
  },
  'features/learning/ui/learner/learner-actions.ts#submitReviewAction': {
    permission: 'LEARNING_ANSWER',
    fields: () => ({ cardId: fixtures.uuid, questionId: fixtures.uuid, answer: 'A base case' }),
  },
  'features/learning/ui/learner/learner-actions.ts#writeConceptQuestionsAction': {
    permission: 'LEARNING_ANSWER',
    fields: () => ({ ticketId: '1', pathId: fixtures.uuid }),
  },
  'features/learning/ui/learner/learner-actions.ts#newPathAction': {
    permission: 'LEARNING_ANSWER',
    fields: () => ({ query: 'recursion', title: 'Recursion', intent: 'search' }),
  },
  'features/query/ui/batch-modify-action.ts#batchModifyAction': {
    permission: 'TICKET_BATCH_MODIFY',
    fields: () => ({ ticket: String(fixtures.ticketId), batch_priority: 'minor' }),
  },
  'features/roadmap/ui/milestone-actions.ts#saveMilestoneAction': {
    permission: 'MILESTONE_CREATE',
    fields: () => ({ name: 'Another milestone' }),
  },
  'features/roadmap/ui/milestone-actions.ts#deleteMilestoneAction': {
    permission: 'MILESTONE_DELETE',
    fields: () => ({ originalName: 'milestone2' }),
  },
  'app/wiki/actions.ts#editWikiPageAction': {
    permission: 'WIKI_MODIFY',
    fields: () => ({ text: 'Changed', baseVersion: '2' }),
  },
  'features/wiki/ui/wiki-actions.ts#renameWikiPageAction': {
    permission: 'WIKI_RENAME',
    fields: () => ({ name: fixtures.page, newName: 'Elsewhere' }),
  },
  'features/wiki/ui/wiki-actions.ts#deleteWikiPageAction': {
    permission: 'WIKI_DELETE',
    fields: () => ({ name: fixtures.page }),
  },
  'features/wiki/ui/wiki-actions.ts#revertWikiPageAction': {
    permission: 'WIKI_MODIFY',
    fields: () => ({ name: fixtures.page, version: '1', baseVersion: '2' }),
  },
  'features/attachment/ui/attachment-actions.ts#uploadAttachmentAction': {
    permission: 'WIKI_MODIFY',
    fields: () => ({ realm: 'wiki', id: fixtures.page, file: file('new.txt') }),
  },
  'features/attachment/ui/attachment-actions.ts#deleteAttachmentAction': {
    permission: 'WIKI_DELETE',
    fields: () => ({ realm: 'wiki', id: fixtures.page, filename: 'guide.txt' }),
  },
};

const fixtures = { ticketId: 0, page: 'AuditedPage', uuid: '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' };

/** Someone holding every permission but `missing` and those that imply it (admin ones too). */
function viewerWithout(missing: PermissionAction | null): typeof acting.viewer {
  const all = expandPermissions(['TRAC_ADMIN']);
  const permissions = new Set(
    [...all].filter(
      (permission) =>
        permission !== 'TRAC_ADMIN' &&
        (missing === null || !expandPermissions([permission]).has(missing)),
    ),
  );
  return {
    name: 'tester-id',
    user: { id: 'tester-id', username: 'tester' },
    permissions,
  } as never;
}

/** The state an action is first given by its form (`useActionState`'s initial value). */
const INITIAL_STATE = { name: fixtures.page, values: {}, errors: {}, fieldErrors: {} };

/** Calls an action as a form would, catching what Next's navigation helpers throw. */
async function submit(action: Action, fields: Record<string, string | File>) {
  const data = form(fields);
  try {
    return { result: action.length >= 2 ? await action(INITIAL_STATE, data) : await action(data) };
  } catch (error) {
    return { thrown: error as Error & { digest?: string } };
  }
}

const serverUrl = testServerUrl();

describe('every server action', () => {
  let actions: Map<string, Action>;
  beforeAll(async () => {
    actions = await loadActions();
  });

  it('is listed with the permission of its page', () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(PAGE_PERMISSIONS).sort());
  });

  it('answers a NUL character in any field with a message, keeping what was typed', async () => {
    acting.viewer = viewerWithout(null);
    for (const [key, action] of actions) {
      if (action.length < 2) continue; // no text to keep: the report delete form posts an id only
      const fields = { ...PAGE_PERMISSIONS[key]!.fields(), comment: 'typed\u0000text' };
      const { result, thrown } = await submit(action, fields);
      expect(thrown, key).toBeUndefined();
      expect(JSON.stringify(result), key).toContain('“comment” contains a NUL character (U+0000)');
    }
  });
});

describe.skipIf(!serverUrl)('every server action against PostgreSQL', () => {
  const t = useWebTestDatabase({ prefix: 'web_action_audit', seed: true });
  let actions: Map<string, Action>;
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'learntrac-action-audit-'));
    // What next.config's `authInterrupts` sets, so that forbidden() works outside Next too.
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';
    Object.assign(process.env, {
      DATABASE_URL: t.url,
      NEXTAUTH_URL: 'http://localhost:8000',
      NEXTAUTH_SECRET: 'x'.repeat(32),
      COGNITO_ISSUER: 'http://localhost:8002',
      COGNITO_CLIENT_ID: 'learntrac-web',
      COGNITO_CLIENT_SECRET: 'secret',
      LEARN_API_URL: 'http://localhost:8001',
      ATTACHMENTS_DIR: folder,
    });
    actions = await loadActions();
    const { createNewTicket } = await import('@/features/ticket/create-new-ticket');
    const { modifyTicket } = await import('@/features/ticket/modify-ticket');
    const { saveWikiPage } = await import('@/features/wiki/save-wiki-page');
    const { addAttachment } = await import('@/features/attachment/add-attachment');
    const { getAttachmentStorage } = await import('@/features/attachment/attachment-services');
    const admin = { name: 'root', permissions: listPermissions(['admin']) };
    ({ id: fixtures.ticketId } = await createNewTicket({
      db: t.db,
      actor: admin,
      values: { summary: 'Audited', type: 'defect', priority: 'major' },
    }));
    await modifyTicket({ db: t.db, actor: admin, ticketId: fixtures.ticketId, comment: 'First' });
    const adminViewer = { name: 'root', permissions: admin.permissions };
    for (const version of [1, 2]) {
      await saveWikiPage({
        db: t.db,
        viewer: adminViewer,
        author: 'root',
        input: { name: fixtures.page, text: `v${version}`, baseVersion: version - 1 },
      });
    }
    for (const [realm, id, filename] of [
      ['wiki', fixtures.page, 'guide.txt'],
      ['ticket', String(fixtures.ticketId), 'spec.txt'],
    ] as const) {
      await addAttachment({
        db: t.db,
        storage: getAttachmentStorage(),
        viewer: adminViewer,
        author: 'root',
        maxSize: 1000,
        input: { realm, id, filename },
        data: new TextEncoder().encode('x'),
      });
    }
  }, 60_000);
  afterAll(async () => {
    const { getDb } = await import('@/core/db');
    await getDb().close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it.each(Object.entries(PAGE_PERMISSIONS))(
    '%s refuses whoever lacks what its page needs',
    async (key, { permission, fields }) => {
      acting.viewer = viewerWithout(permission);
      const { result, thrown } = await submit(actions.get(key)!, fields());
      if (thrown) {
        // forbidden(): Next's 403 page, as the page itself would show.
        expect(thrown.digest, key).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
      } else {
        expect(JSON.stringify(result), key).toContain(permission);
      }
    },
  );

  it('lets instructors add milestones on the roadmap but not through the admin panel', async () => {
    const instructor = listPermissions(['instructor']);
    acting.viewer = { ...viewerWithout('TRAC_ADMIN'), permissions: instructor } as never;
    const adminAdd = actions.get(
      'features/roadmap/ui/milestone-admin-actions.ts#addMilestoneAction',
    )!;
    const { result } = await submit(adminAdd, { name: 'Via admin' });
    expect(result).toMatchObject({
      ok: false,
      message: 'TRAC_ADMIN is needed to administer the site.',
    });
    const rows = await t.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM milestone WHERE name = 'Via admin'`;
    expect(rows[0]?.n).toBe(0);
  });
});
