import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MidAirCollisionError, TicketNotFoundError } from '@learntrac/db/errors';
import { testServerUrl } from '@learntrac/db/testing';
import { createTicket } from '@learntrac/db/tickets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Permission } from '@/core/auth/roles';
import { AppError, isAppError } from '@/core/errors/app-error';
import type { Viewer } from '@/core/feature';
import {
  type AttachmentStorage,
  createLocalAttachmentStorage,
} from '@/features/attachment/attachment-storage';
import { loadTicketDefaults } from '@/features/ticket/admin/ticket-defaults';
import { useWebTestDatabase } from '@/test/use-web-test-database';
import { buildTicketHistory } from './build-ticket-history';
import { createNewTicket } from './create-new-ticket';
import { TICKET_CUSTOM_FIELDS_KEY } from './custom-fields';
import { deleteTicket } from './delete-ticket';
import { editTicketComment } from './edit-ticket-comment';
import { getTicket } from './get-ticket';
import { modifyTicket } from './modify-ticket';
import { newTicketDefaults } from './new-ticket-defaults';
import { buildFieldSpecs } from './ticket-field-specs';
import { loadTicketOptions } from './ticket-options';

const serverUrl = testServerUrl();

const actor = (name: string | null, ...permissions: Permission[]): Viewer => ({
  name,
  permissions: new Set(['TICKET_VIEW', ...permissions]),
});
const anonymous = actor(null);
const reader = actor('rita@example.org');
const learner = actor('lea@example.org', 'TICKET_CREATE', 'TICKET_APPEND');
const instructor = actor('ivan@example.org', 'TICKET_CREATE', 'TICKET_MODIFY');
const admin: Viewer = { name: 'ada@example.org', permissions: new Set(['TRAC_ADMIN']) };

async function formErrors(promise: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error, 'INVALID_INPUT')) return error.fieldErrors;
    throw error;
  }
  throw new Error('expected the form to be refused');
}

describe.skipIf(!serverUrl)('ticket verbs against PostgreSQL', () => {
  const t = useWebTestDatabase({ prefix: 'web_ticket', seed: true });
  let folder: string;
  let storage: AttachmentStorage;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'learntrac-ticket-'));
    storage = createLocalAttachmentStorage(folder);
    // This suite's own fields replace the ones a new site starts with.
    await t.prisma.system.update({
      where: { name: TICKET_CUSTOM_FIELDS_KEY },
      data: {
        value: JSON.stringify([
          { name: 'difficulty', type: 'select', options: ['1', '2', '3', '4', '5'], value: '3' },
          { name: 'graded', type: 'checkbox', value: '0' },
          { name: 'level', type: 'radio', options: ['intro', 'advanced'] },
          { name: 'due_on', type: 'time', format: 'date' },
          { name: 'notes', type: 'textarea' },
          { name: 'source', type: 'text' },
        ]),
      },
    });
  });

  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  const newTicket = (values: Record<string, string> = {}, by = instructor) =>
    createNewTicket({
      db: t.db,
      actor: by,
      values: { summary: 'Explain BFS', type: 'concept', ...values },
    });

  it('refuses a comment over the limit and a reply to no comment number as form errors', async () => {
    const { id } = await newTicket();
    const errors = await formErrors(
      modifyTicket({ db: t.db, actor: learner, ticketId: id, comment: 'x'.repeat(100_001) }),
    );
    expect(errors).toEqual({ comment: 'The comment may have at most 100,000 characters.' });
    expect(
      await formErrors(
        modifyTicket({
          db: t.db,
          actor: learner,
          ticketId: id,
          comment: 'reply',
          replyTo: 2 ** 53 + 2,
        }),
      ),
    ).toEqual({ replyTo: 'The comment replied to is not a comment number.' });
    expect((await getTicket({ db: t.db, id }))?.changes ?? []).toEqual([]);
  });

  it('files a ticket in the signed-in user’s name with every kind of custom field', async () => {
    const { id } = await newTicket(
      {
        priority: 'critical',
        milestone: 'milestone1',
        component: 'component1',
        graded: '1',
        level: 'intro',
        due_on: '2025-06-30',
        notes: 'line one\nline two',
        source: 'chapter 3',
        reporter: 'someone-else',
      },
      learner,
    );
    const ticket = await getTicket({ db: t.db, id });
    expect(ticket).toMatchObject({
      summary: 'Explain BFS',
      type: 'concept',
      status: 'new',
      reporter: 'lea@example.org',
      priority: 'critical',
      // The component's default owner takes a ticket nobody was named for.
      owner: 'somebody',
    });
    expect(Object.fromEntries(ticket!.custom.map((c) => [c.name, c.value]))).toEqual({
      difficulty: '3',
      graded: '1',
      level: 'intro',
      due_on: '001751241600000000',
      notes: 'line one\nline two',
      source: 'chapter 3',
    });
  });

  it('says which fields are wrong and writes nothing', async () => {
    const before = await t.prisma.ticket.count();
    const errors = await formErrors(
      newTicket({
        summary: ' ',
        priority: 'urgent',
        difficulty: '9',
        due_on: 'soon',
        owner: 'a b',
      }),
    );
    expect(Object.keys(errors).sort()).toEqual([
      'difficulty',
      'due_on',
      'owner',
      'priority',
      'summary',
    ]);
    expect(errors.priority).toMatch(/“urgent” is not a priority/);
    expect(await formErrors(newTicket({ summary: 'x'.repeat(256) }))).toHaveProperty('summary');
    expect(await t.prisma.ticket.count()).toBe(before);
  });

  it('refuses to create tickets without TICKET_CREATE', async () => {
    await expect(newTicket({}, anonymous)).rejects.toBeInstanceOf(AppError);
    await expect(newTicket({}, reader)).rejects.toBeInstanceOf(AppError);
  });

  it('assigns on creation only for those the workflow lets', async () => {
    const { id } = await createNewTicket({
      db: t.db,
      actor: instructor,
      values: { summary: 'Assigned at birth', owner: 'carol' },
      action: 'create_and_assign',
    });
    expect(await getTicket({ db: t.db, id })).toMatchObject({ status: 'assigned', owner: 'carol' });
    const errors = await formErrors(
      createNewTicket({
        db: t.db,
        actor: learner,
        values: { summary: 'x' },
        action: 'create_and_assign',
      }),
    );
    expect(errors.action).toMatch(/not an action/);
  });

  it('takes a ticket through accept, resolve and reopen with the workflow’s effects', async () => {
    const { id } = await newTicket();
    await modifyTicket({
      db: t.db,
      actor: instructor,
      ticketId: id,
      action: 'accept',
      comment: 'Mine.',
    });
    expect(await getTicket({ db: t.db, id })).toMatchObject({
      status: 'accepted',
      owner: 'ivan@example.org',
    });
    const errors = await formErrors(
      modifyTicket({ db: t.db, actor: instructor, ticketId: id, action: 'resolve' }),
    );
    expect(errors).toHaveProperty('action_resolution');
    await modifyTicket({
      db: t.db,
      actor: instructor,
      ticketId: id,
      action: 'resolve',
      actionResolution: 'fixed',
    });
    expect(await getTicket({ db: t.db, id })).toMatchObject({
      status: 'closed',
      resolution: 'fixed',
    });
    // A learner may not resolve, but may reopen (TICKET_CREATE in the basic workflow).
    expect(
      await formErrors(modifyTicket({ db: t.db, actor: learner, ticketId: id, action: 'accept' })),
    ).toHaveProperty('action');
    await modifyTicket({
      db: t.db,
      actor: learner,
      ticketId: id,
      action: 'reopen',
      comment: 'Still broken',
    });
    const ticket = await getTicket({ db: t.db, id });
    expect(ticket).toMatchObject({ status: 'reopened', resolution: '' });
    const history = buildTicketHistory(ticket!.changes);
    expect(history.map((entry) => [entry.commentNumber, entry.fields.map((f) => f.field)])).toEqual(
      [
        [1, ['owner', 'status']],
        [2, ['resolution', 'status']],
        [3, ['resolution', 'status']],
      ],
    );
    expect(history[2]?.comment).toBe('Still broken');
  });

  it('refuses comments without TICKET_APPEND and property changes without TICKET_CHGPROP', async () => {
    const { id } = await newTicket();
    await expect(
      modifyTicket({ db: t.db, actor: reader, ticketId: id, comment: 'hello' }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(
      modifyTicket({ db: t.db, actor: anonymous, ticketId: id, comment: 'hello' }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(
      modifyTicket({ db: t.db, actor: learner, ticketId: id, values: { priority: 'blocker' } }),
    ).rejects.toThrow(/Priority/);
    // Repeating the current values is no change, so it needs no permission.
    await modifyTicket({
      db: t.db,
      actor: learner,
      ticketId: id,
      values: { priority: 'major', summary: 'Explain BFS' },
      comment: 'Just a comment',
    });
    await modifyTicket({
      db: t.db,
      actor: instructor,
      ticketId: id,
      values: { priority: 'blocker', graded: '1' },
    });
    expect((await getTicket({ db: t.db, id }))?.priority).toBe('blocker');
    const errors = await formErrors(
      modifyTicket({ db: t.db, actor: instructor, ticketId: id, values: { milestone: 'nowhere' } }),
    );
    expect(errors.milestone).toMatch(/not a milestone/);
    await expect(
      modifyTicket({ db: t.db, actor: instructor, ticketId: id, values: { status: 'closed' } }),
    ).rejects.toBeInstanceOf(AppError);
  });

  it('lets the reporter edit their own description, others need TICKET_EDIT_DESCRIPTION', async () => {
    const { id } = await newTicket({ description: 'first' }, learner);
    await modifyTicket({
      db: t.db,
      actor: learner,
      ticketId: id,
      values: { description: 'second' },
    });
    await expect(
      modifyTicket({ db: t.db, actor: instructor, ticketId: id, values: { description: 'third' } }),
    ).rejects.toBeInstanceOf(AppError);
    await modifyTicket({ db: t.db, actor: admin, ticketId: id, values: { description: 'third' } });
    const ticket = await getTicket({ db: t.db, id });
    expect(ticket?.description).toBe('third');
    expect(
      buildTicketHistory(ticket!.changes).flatMap((entry) => entry.fields.map((f) => f.newvalue)),
    ).toEqual(['second', 'third']);
  });

  it('refuses a change to a ticket that changed since the form was loaded', async () => {
    const { id } = await newTicket();
    const loaded = (await getTicket({ db: t.db, id }))!.changetimeMicros!;
    await modifyTicket({
      db: t.db,
      actor: instructor,
      ticketId: id,
      comment: 'first',
      expectedChangetime: loaded,
    });
    await expect(
      modifyTicket({
        db: t.db,
        actor: learner,
        ticketId: id,
        comment: 'stale',
        expectedChangetime: loaded,
      }),
    ).rejects.toBeInstanceOf(MidAirCollisionError);
    expect(
      buildTicketHistory((await getTicket({ db: t.db, id }))!.changes).map((e) => e.comment),
    ).toEqual(['first']);
  });

  it('records no change for custom fields left at their defaults on an older ticket', async () => {
    const { id } = await createTicket({
      db: t.prisma,
      author: 'x',
      fields: { summary: 'Before custom fields' },
    });
    await modifyTicket({
      db: t.db,
      actor: learner,
      ticketId: id,
      values: { graded: '0', difficulty: '3', source: '' },
      comment: 'only a comment',
    });
    const rows = await t.prisma.ticketChange.findMany({ where: { ticketId: id } });
    expect(rows.map((row) => row.field)).toEqual(['comment']);
  });

  it('reports an unknown ticket', async () => {
    await expect(
      modifyTicket({ db: t.db, actor: instructor, ticketId: 987_654, comment: 'hi' }),
    ).rejects.toBeInstanceOf(TicketNotFoundError);
  });

  it('keeps every earlier text of an edited comment', async () => {
    const { id } = await newTicket();
    await modifyTicket({ db: t.db, actor: learner, ticketId: id, comment: 'tpyo' });
    await editTicketComment({
      db: t.db,
      actor: learner,
      ticketId: id,
      commentNumber: 1,
      text: 'typo',
    });
    await editTicketComment({
      db: t.db,
      actor: admin,
      ticketId: id,
      commentNumber: 1,
      text: 'typo fixed',
    });
    await expect(
      editTicketComment({
        db: t.db,
        actor: instructor,
        ticketId: id,
        commentNumber: 1,
        text: 'mine now',
      }),
    ).rejects.toBeInstanceOf(AppError);
    const rows = await t.prisma.ticketChange.findMany({
      where: { ticketId: id },
      orderBy: { field: 'asc' },
    });
    expect(rows.map((row) => [row.field, row.oldvalue])).toEqual([
      ['_comment0', 'tpyo'],
      ['_comment1', 'typo'],
      ['comment', '1'],
    ]);
    expect(new Set(rows.map((row) => row.time)).size).toBe(1);
    const [entry] = buildTicketHistory((await getTicket({ db: t.db, id }))!.changes);
    expect(entry).toMatchObject({ comment: 'typo fixed', author: 'lea@example.org' });
    expect(entry?.revisions.map((r) => [r.text, r.replacedBy])).toEqual([
      ['tpyo', 'lea@example.org'],
      ['typo', 'ada@example.org'],
    ]);
  });

  it('deletes a ticket for admins only', async () => {
    const { id } = await newTicket();
    await expect(
      deleteTicket({ db: t.db, storage, actor: instructor, ticketId: id }),
    ).rejects.toBeInstanceOf(AppError);
    await deleteTicket({ db: t.db, storage, actor: admin, ticketId: id });
    expect(await getTicket({ db: t.db, id })).toBeNull();
    await expect(
      deleteTicket({ db: t.db, storage, actor: admin, ticketId: id }),
    ).rejects.toBeInstanceOf(TicketNotFoundError);
  });

  it('lets someone who may only comment add or remove themselves in Cc, and no one else', async () => {
    const { id } = await newTicket({ cc: 'ivan@example.org' });
    const specFor = async (who: Viewer) => {
      const ticket = await getTicket({ db: t.db, id });
      return buildFieldSpecs({
        ticketOptions: await loadTicketOptions({ db: t.db }),
        customFields: [],
        actor: who,
        current: { values: { cc: ticket?.cc ?? '' }, reporter: ticket?.reporter ?? null },
      }).find((spec) => spec.name === 'cc');
    };
    expect((await specFor(learner))?.ccToggle).toBe('add');
    expect(await specFor(instructor)).toMatchObject({ kind: 'text', disabled: false });
    expect((await specFor(instructor))?.ccToggle).toBeUndefined();

    await modifyTicket({ db: t.db, actor: learner, ticketId: id, ccUpdate: true });
    expect((await getTicket({ db: t.db, id }))?.cc).toBe('ivan@example.org, lea@example.org');
    expect((await specFor(learner))?.ccToggle).toBe('remove');
    // Typing the field is held to the same rule: only their own name may come or go.
    await expect(
      modifyTicket({ db: t.db, actor: learner, ticketId: id, values: { cc: 'lea@example.org' } }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(
      modifyTicket({ db: t.db, actor: anonymous, ticketId: id, ccUpdate: true }),
    ).rejects.toBeInstanceOf(AppError);
    await modifyTicket({ db: t.db, actor: learner, ticketId: id, ccUpdate: true });
    expect((await getTicket({ db: t.db, id }))?.cc).toBe('ivan@example.org');

    await modifyTicket({ db: t.db, actor: instructor, ticketId: id, values: { cc: 'a, b' } });
    const ticket = await getTicket({ db: t.db, id });
    expect(ticket?.cc).toBe('a, b');
    expect(ticket?.changes.filter((c) => c.field === 'cc').map((c) => c.author)).toEqual([
      'lea@example.org',
      'lea@example.org',
      'ivan@example.org',
    ]);
  });

  it('opens and files new tickets with the admin’s defaults, skipping ones no longer offered', async () => {
    const setDefault = (field: string, value: string) =>
      t.prisma.system.upsert({
        where: { name: `ticket.default_${field}` },
        create: { name: `ticket.default_${field}`, value },
        update: { value },
      });
    const ticketOptions = await loadTicketOptions({ db: t.db });
    // What /newticket opens with, from the options and defaults as they are now.
    const opening = async () =>
      newTicketDefaults({
        ticketOptions: await loadTicketOptions({ db: t.db }),
        defaults: await loadTicketDefaults({ db: t.db }),
      });
    expect(await opening()).toMatchObject({ type: ticketOptions.types[0], priority: 'major' });

    const [, milestone] = ticketOptions.milestones;
    const [, version] = ticketOptions.versions;
    await Promise.all([
      setDefault('type', 'task'),
      setDefault('priority', 'minor'),
      setDefault('severity', ticketOptions.severities[0] ?? ''),
      setDefault('milestone', milestone!),
      setDefault('version', version!),
      setDefault('component', 'component2'),
    ]);
    const defaults = await opening();
    expect(defaults).toEqual({
      type: 'task',
      priority: 'minor',
      severity: ticketOptions.severities[0] ?? '',
      milestone,
      version,
      component: 'component2',
    });
    const { id } = await createNewTicket({
      db: t.db,
      actor: instructor,
      values: { summary: 'Defaults apply to what the form leaves out', priority: 'critical' },
    });
    expect(await getTicket({ db: t.db, id })).toMatchObject({ ...defaults, priority: 'critical' });

    // A default naming a completed milestone or a removed type is not offered.
    await t.prisma.milestone.update({ where: { name: milestone! }, data: { completed: 1n } });
    await setDefault('type', 'gone');
    const after = await opening();
    expect(after.milestone).toBe('');
    expect(after.type).toBe(ticketOptions.types[0]);
    await t.prisma.milestone.update({ where: { name: milestone! }, data: { completed: 0n } });
    await t.prisma.system.deleteMany({ where: { name: { startsWith: 'ticket.default_' } } });
  });
});
