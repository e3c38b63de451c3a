import { testServerUrl } from '@learntrac/db/testing';
import { createTicket } from '@learntrac/db/tickets';
import { describe, expect, it } from 'vitest';
import { listPermissions } from '@/core/auth/roles';
import {
  removeCustomFields,
  reorderCustomFields,
  saveCustomField,
} from '@/features/ticket/admin/custom-field-admin';
import { listEnumValues } from '@/features/ticket/admin/list-ticket-values';
import { loadTicketDefaults } from '@/features/ticket/admin/ticket-defaults';
import {
  addTicketValue,
  removeTicketValues,
  saveEnumOrder,
  saveTicketDefault,
  updateTicketValue,
} from '@/features/ticket/admin/ticket-values';
import { saveWorkflow } from '@/features/ticket/admin/workflow-admin';
import { formatWorkflowText } from '@/features/ticket/admin/workflow-text';
import { loadCustomFields } from '@/features/ticket/custom-fields';
import { loadTicketOptions } from '@/features/ticket/ticket-options';
import { loadWorkflow } from '@/features/ticket/workflow';
import { refusal } from '@/test/refusal';
import { useWebTestDatabase } from '@/test/use-web-test-database';

const serverUrl = testServerUrl();
const admin = listPermissions(['admin']);

describe.skipIf(!serverUrl)('ticket system administration against PostgreSQL', () => {
  const t = useWebTestDatabase({ prefix: 'web_admin', seed: true });

  it('refuses every admin write to anonymous visitors, learners and instructors', async () => {
    for (const permissions of [
      listPermissions(null),
      listPermissions(['learner']),
      listPermissions(['instructor']),
    ]) {
      const writes = [
        addTicketValue({ db: t.db, permissions, list: 'component', name: 'x' }),
        updateTicketValue({
          db: t.db,
          permissions,
          list: 'priority',
          name: 'major',
          newName: 'big',
        }),
        removeTicketValues({ db: t.db, permissions, list: 'component', names: ['component1'] }),
        saveEnumOrder({ db: t.db, permissions, list: 'priority', order: {} }),
        saveTicketDefault({ db: t.db, permissions, list: 'component', value: 'component1' }),
        saveCustomField({ db: t.db, permissions, form: { name: 'x', type: 'text' } }),
        removeCustomFields({ db: t.db, permissions, names: ['x'] }),
        reorderCustomFields({ db: t.db, permissions, order: {} }),
        saveWorkflow({ db: t.db, permissions, text: 'x = a -> b' }),
      ];
      for (const write of writes) expect((await refusal(write)).code).toBe('FORBIDDEN');
    }
  });

  it('renames a component on its tickets and leaves tickets alone when one is removed', async () => {
    const { id } = await createTicket({
      db: t.prisma,
      author: 'ada',
      fields: { summary: 'c', component: 'component1' },
    });
    await saveTicketDefault({
      db: t.db,
      permissions: admin,
      list: 'component',
      value: 'component1',
    });
    await updateTicketValue({
      db: t.db,
      permissions: admin,
      list: 'component',
      name: 'component1',
      newName: 'Lessons',
      owner: 'ines',
    });
    expect((await t.prisma.ticket.findUniqueOrThrow({ where: { id } })).component).toBe('Lessons');
    expect((await loadTicketDefaults({ db: t.db })).component).toBe('Lessons');
    await removeTicketValues({
      db: t.db,
      permissions: admin,
      list: 'component',
      names: ['Lessons'],
    });
    expect((await t.prisma.ticket.findUniqueOrThrow({ where: { id } })).component).toBe('Lessons');
    expect((await loadTicketOptions({ db: t.db })).components).not.toContain('Lessons');
    expect((await loadTicketDefaults({ db: t.db })).component).toBeUndefined();
  });

  it('says which field is wrong for an empty or taken name', async () => {
    const empty = await refusal(
      addTicketValue({ db: t.db, permissions: admin, list: 'version', name: '  ' }),
    );
    expect(empty.fieldErrors.name).toMatch(/needs a name/);
    const taken = await refusal(
      addTicketValue({ db: t.db, permissions: admin, list: 'priority', name: 'major' }),
    );
    expect(taken.fieldErrors.name).toMatch(/already exists/);
    const rename = await refusal(
      updateTicketValue({
        db: t.db,
        permissions: admin,
        list: 'version',
        name: '1.0',
        newName: '2.0',
      }),
    );
    expect(rename.fieldErrors.name).toMatch(/already exists/);
  });

  it('adds, reorders and sets the default of an enum list, and the ticket form follows', async () => {
    await addTicketValue({ db: t.db, permissions: admin, list: 'ticket_type', name: 'question' });
    expect(await listEnumValues({ db: t.db, list: 'ticket_type' })).toEqual([
      'defect',
      'enhancement',
      'task',
      'concept',
      'question',
    ]);
    await saveEnumOrder({
      db: t.db,
      permissions: admin,
      list: 'ticket_type',
      order: { question: 1, defect: 2 },
      defaultValue: 'task',
    });
    expect((await loadTicketOptions({ db: t.db })).types.slice(0, 2)).toEqual([
      'question',
      'defect',
    ]);
    expect((await loadTicketDefaults({ db: t.db })).type).toBe('task');
    const unknown = await refusal(
      saveEnumOrder({
        db: t.db,
        permissions: admin,
        list: 'ticket_type',
        order: {},
        defaultValue: 'nope',
      }),
    );
    expect(unknown.fieldErrors.default).toMatch(/not in the list/);
  });

  it('renames a priority on every ticket holding it', async () => {
    const { id } = await createTicket({
      db: t.prisma,
      author: 'ada',
      fields: { summary: 'p', priority: 'minor' },
    });
    const { ticketsUpdated } = await updateTicketValue({
      db: t.db,
      permissions: admin,
      list: 'priority',
      name: 'minor',
      newName: 'low',
    });
    expect(ticketsUpdated).toBeGreaterThanOrEqual(1);
    expect((await t.prisma.ticket.findUniqueOrThrow({ where: { id } })).priority).toBe('low');
  });

  it('defines custom fields of every kind where the ticket pages read them', async () => {
    const forms = [
      { name: 'estimate', type: 'text', label: 'Estimate' },
      { name: 'level', type: 'select', options: 'easy\nhard', value: 'easy' },
      { name: 'graded', type: 'checkbox', value: '1' },
      { name: 'due', type: 'time', format: 'date' },
      { name: 'notes', type: 'textarea', rows: '3' },
      { name: 'mode', type: 'radio', options: 'a|b' },
    ];
    for (const form of forms) await saveCustomField({ db: t.db, permissions: admin, form });
    const mine = forms.map((form) => form.name);
    // The site seed may define fields of its own; ours come after them, in the order added.
    expect(
      (await loadCustomFields({ db: t.db })).map((f) => f.name).filter((n) => mine.includes(n)),
    ).toEqual(mine);
    const badDefault = await refusal(
      saveCustomField({
        db: t.db,
        permissions: admin,
        form: { name: 'size', type: 'select', options: 's', value: 'xl' },
      }),
    );
    expect(badDefault.fieldErrors.value).toMatch(/one of the options/);
    const noOptions = await refusal(
      saveCustomField({ db: t.db, permissions: admin, form: { name: 'kind', type: 'radio' } }),
    );
    expect(noOptions.fieldErrors.options).toBeDefined();
    const duplicate = await refusal(
      saveCustomField({ db: t.db, permissions: admin, form: { name: 'estimate', type: 'text' } }),
    );
    expect(duplicate.fieldErrors.name).toMatch(/already exists/);
    const reserved = await refusal(
      saveCustomField({ db: t.db, permissions: admin, form: { name: 'owner', type: 'text' } }),
    );
    expect(reserved.fieldErrors.name).toBeDefined();

    await saveCustomField({
      db: t.db,
      permissions: admin,
      originalName: 'level',
      form: { name: 'level', type: 'select', options: 'easy\nhard\nexpert', value: 'hard' },
    });
    await reorderCustomFields({ db: t.db, permissions: admin, order: { mode: 1 } });
    const fields = await loadCustomFields({ db: t.db });
    expect(fields[0]?.name).toBe('mode');
    expect(fields.find((f) => f.name === 'level')?.options).toEqual(['easy', 'hard', 'expert']);
    await removeCustomFields({ db: t.db, permissions: admin, names: ['notes'] });
    expect((await loadCustomFields({ db: t.db })).map((f) => f.name)).not.toContain('notes');
  });

  it('saves an edited workflow and refuses a broken one with its problems', async () => {
    const text = formatWorkflowText(await loadWorkflow({ db: t.db }));
    const edited = `${text}\ntest = new -> testing\ntest.permissions = TICKET_MODIFY\npass = testing -> closed\npass.operations = set_resolution\n`;
    expect((await saveWorkflow({ db: t.db, permissions: admin, text: edited })).actions).toBe(9);
    expect((await loadWorkflow({ db: t.db })).map((a) => a.name)).toContain('pass');

    const broken = await saveWorkflow({
      db: t.db,
      permissions: admin,
      text: 'fly = new -> moon\nfly.operations = teleport\nfly.permissions = flying\n',
    }).then(
      () => {
        throw new Error('expected a refusal');
      },
      (error: unknown) => error as { problems: string[] },
    );
    expect(broken.problems.join('\n')).toMatch(/operations/);
    expect((await loadWorkflow({ db: t.db })).map((a) => a.name)).toContain('pass');
  });
});
