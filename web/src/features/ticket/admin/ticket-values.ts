import { toTracTime } from '@learntrac/db/time';
import { type Database, raw, sql, type Transaction } from '@/core/db';
import { AppError } from '@/core/errors/app-error';

import { assertAdmin, readName } from '@/core/forms/admin-error';
import { type DefaultField, defaultKey } from './ticket-defaults';

/**
 * The lists an admin edits besides milestones: components, versions, and the `enum` table's
 * priorities, severities, resolutions and ticket types. Renaming a value renames it on every
 * ticket, removing one leaves tickets as they are, as Trac does.
 */
export const VALUE_LISTS = {
  component: { table: 'component', field: 'component', label: 'Component' },
  version: { table: 'version', field: 'version', label: 'Version' },
  priority: { table: 'enum', field: 'priority', label: 'Priority' },
  severity: { table: 'enum', field: 'severity', label: 'Severity' },
  resolution: { table: 'enum', field: 'resolution', label: 'Resolution' },
  ticket_type: { table: 'enum', field: 'type', label: 'Ticket type' },
} as const satisfies Record<string, { table: string; field: DefaultField; label: string }>;
export type ValueList = keyof typeof VALUE_LISTS;
export type EnumList = 'priority' | 'severity' | 'resolution' | 'ticket_type';

interface AdminOptions {
  db: Database;
  permissions: ReadonlySet<string>;
}

async function exists(tx: Transaction, list: ValueList, name: string): Promise<boolean> {
  const rows =
    list === 'component'
      ? await tx.query<unknown>(sql`SELECT 1 FROM component WHERE name = ${name}`)
      : list === 'version'
        ? await tx.query<unknown>(sql`SELECT 1 FROM version WHERE name = ${name}`)
        : await tx.query<unknown>(sql`SELECT 1 FROM enum WHERE type = ${list} AND name = ${name}`);
  return rows.length > 0;
}

function taken(list: ValueList, name: string): AppError {
  const message = `${VALUE_LISTS[list].label} “${name}” already exists.`;
  return new AppError('INVALID_INPUT', message, { fieldErrors: { name: message } });
}

/** Sets (or with '' clears) the default value of a ticket field. */
export async function writeTicketDefault(tx: Transaction, field: DefaultField, value: string) {
  const name = defaultKey(field);
  if (value === '') await tx.execute(sql`DELETE FROM system WHERE name = ${name}`);
  else
    await tx.execute(sql`
      INSERT INTO system (name, value) VALUES (${name}, ${value})
      ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`);
}

async function readDefault(tx: Transaction, field: DefaultField): Promise<string> {
  const rows = await tx.query<{ value: string | null }>(sql`
    SELECT value FROM system WHERE name = ${defaultKey(field)}`);
  return rows[0]?.value ?? '';
}

/** Adds a value at the end of its list (a component with its owner, a version with its date). */
export async function addTicketValue(
  options: AdminOptions & {
    list: ValueList;
    name: string;
    owner?: string;
    description?: string;
    /** A version's release date, `YYYY-MM-DD`. */
    time?: string;
  },
): Promise<{ name: string }> {
  assertAdmin(options.permissions);
  const { list } = options;
  const name = readName(options.name, VALUE_LISTS[list].label);
  const time = readDate(options.time);
  return options.db.transaction(async (tx) => {
    if (await exists(tx, list, name)) throw taken(list, name);
    if (list === 'component') {
      await tx.execute(sql`INSERT INTO component (name, owner, description)
        VALUES (${name}, ${(options.owner ?? '').trim()}, ${options.description ?? ''})`);
    } else if (list === 'version') {
      await tx.execute(sql`INSERT INTO version (name, time, description)
        VALUES (${name}, ${time}, ${options.description ?? ''})`);
    } else {
      // Trac keeps the order as text holding a number; the new value goes last.
      await tx.execute(sql`INSERT INTO enum (type, name, value)
        SELECT ${list}, ${name},
          (COALESCE(MAX(CASE WHEN value ~ '^[0-9]+$' THEN value::int END), 0) + 1)::text
        FROM enum WHERE type = ${list}`);
    }
    return { name };
  });
}

function readDate(value: string | undefined): bigint {
  const text = (value ?? '').trim();
  if (text === '') return 0n;
  const date = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(text)
    ? new Date(text.length === 10 ? `${text}T00:00:00Z` : `${text}:00Z`)
    : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new AppError('INVALID_INPUT', 'The date is not valid.', {
      fieldErrors: {
        time: 'Use a date like 2025-06-30.',
      },
    });
  }
  return toTracTime(date);
}

/**
 * Saves a value's edit page. A new name is written into every ticket holding the old one (and
 * into the field's default), in the same transaction.
 */
export async function updateTicketValue(
  options: AdminOptions & {
    list: ValueList;
    name: string;
    newName: string;
    owner?: string;
    description?: string;
    time?: string;
  },
): Promise<{ name: string; ticketsUpdated: number }> {
  assertAdmin(options.permissions);
  const { list } = options;
  const { field } = VALUE_LISTS[list];
  const newName = readName(options.newName, VALUE_LISTS[list].label);
  const time = readDate(options.time);
  return options.db.transaction(async (tx) => {
    if (!(await exists(tx, list, options.name))) {
      throw new AppError(
        'NOT_FOUND',
        `${VALUE_LISTS[list].label} “${options.name}” does not exist.`,
      );
    }
    const renamed = newName !== options.name;
    if (renamed && (await exists(tx, list, newName))) throw taken(list, newName);
    if (list === 'component') {
      await tx.execute(sql`UPDATE component SET name = ${newName},
        owner = ${(options.owner ?? '').trim()}, description = ${options.description ?? ''}
        WHERE name = ${options.name}`);
    } else if (list === 'version') {
      await tx.execute(sql`UPDATE version SET name = ${newName}, time = ${time},
        description = ${options.description ?? ''} WHERE name = ${options.name}`);
    } else {
      await tx.execute(sql`UPDATE enum SET name = ${newName}
        WHERE type = ${list} AND name = ${options.name}`);
    }
    let ticketsUpdated = 0;
    if (renamed) {
      // The column comes from the fixed table above, never from input.
      const column = raw(`"${field}"`);
      ticketsUpdated = await tx.execute(
        sql`UPDATE ticket SET ${column} = ${newName} WHERE ${column} = ${options.name}`,
      );
      if ((await readDefault(tx, field)) === options.name)
        await writeTicketDefault(tx, field, newName);
    }
    return { name: newName, ticketsUpdated };
  });
}

/** Removes values from a list; tickets keep them. A removed default stops being the default. */
export async function removeTicketValues(
  options: AdminOptions & { list: ValueList; names: readonly string[] },
): Promise<{ removed: number }> {
  assertAdmin(options.permissions);
  const { list, names } = options;
  if (names.length === 0) {
    throw new AppError('INVALID_INPUT', 'Select the values to remove.');
  }
  const { field } = VALUE_LISTS[list];
  return options.db.transaction(async (tx) => {
    const removed =
      list === 'component'
        ? await tx.execute(sql`DELETE FROM component WHERE name = ANY(${names})`)
        : list === 'version'
          ? await tx.execute(sql`DELETE FROM version WHERE name = ANY(${names})`)
          : await tx.execute(sql`DELETE FROM enum WHERE type = ${list} AND name = ANY(${names})`);
    if (names.includes(await readDefault(tx, field))) await writeTicketDefault(tx, field, '');
    if (list !== 'component' && list !== 'version') await renumber(tx, list);
    return { removed };
  });
}

async function renumber(tx: Transaction, list: EnumList) {
  await tx.execute(sql`
    UPDATE enum SET value = ordered.position::text
    FROM (SELECT name, ROW_NUMBER() OVER (
            ORDER BY CASE WHEN value ~ '^[0-9]+$' THEN value::int END, value, name) AS position
          FROM enum WHERE type = ${list}) AS ordered
    WHERE enum.type = ${list} AND enum.name = ordered.name`);
}

/**
 * Applies the admin's order and default to an enum list: `order` maps each value to its
 * position (1 first); positions may repeat or skip, the stored order is renumbered 1..n.
 */
export async function saveEnumOrder(
  options: AdminOptions & {
    list: EnumList;
    order: Record<string, number>;
    /** The default value, or '' for none; undefined leaves it. */
    defaultValue?: string;
  },
): Promise<void> {
  assertAdmin(options.permissions);
  const { list } = options;
  await options.db.transaction(async (tx) => {
    const rows = await tx.query<{ name: string; value: string | null }>(sql`
      SELECT name, value FROM enum WHERE type = ${list}
      ORDER BY CASE WHEN value ~ '^[0-9]+$' THEN value::int END, value, name FOR UPDATE`);
    const ordered = rows
      .map((row, index) => ({
        name: row.name,
        position: options.order[row.name] ?? index + 1,
        given: row.name in options.order ? 0 : 1,
        index,
      }))
      .sort((a, b) => a.position - b.position || a.given - b.given || a.index - b.index);
    for (const [index, row] of ordered.entries()) {
      await tx.execute(sql`UPDATE enum SET value = ${String(index + 1)}
        WHERE type = ${list} AND name = ${row.name}`);
    }
    if (options.defaultValue !== undefined) {
      await setDefault(
        tx,
        list,
        options.defaultValue,
        rows.map((row) => row.name),
      );
    }
  });
}

async function setDefault(
  tx: Transaction,
  list: ValueList | 'milestone',
  value: string,
  known: string[],
) {
  const field = list === 'milestone' ? 'milestone' : VALUE_LISTS[list].field;
  if (value !== '' && !known.includes(value)) {
    throw new AppError('INVALID_INPUT', `“${value}” is not in the list.`, {
      fieldErrors: {
        default: `“${value}” is not in the list.`,
      },
    });
  }
  await writeTicketDefault(tx, field, value);
}

/** Makes one component, version or milestone the default for new tickets ('' for none). */
export async function saveTicketDefault(
  options: AdminOptions & { list: 'component' | 'version' | 'milestone'; value: string },
): Promise<void> {
  assertAdmin(options.permissions);
  await options.db.transaction(async (tx) => {
    const known =
      options.list === 'component'
        ? await tx.query<{ name: string }>(sql`SELECT name FROM component`)
        : options.list === 'version'
          ? await tx.query<{ name: string }>(sql`SELECT name FROM version`)
          : await tx.query<{ name: string }>(sql`SELECT name FROM milestone`);
    await setDefault(
      tx,
      options.list,
      options.value,
      known.map((row) => row.name),
    );
  });
}
