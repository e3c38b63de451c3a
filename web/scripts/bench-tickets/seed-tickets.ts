import { createPrismaClient } from '@learntrac/db';
import { applyMigrations } from '@learntrac/db/migrate';
import { seedSite } from '@learntrac/db/seed';
import pg from 'pg';
import {
  type CustomField,
  CustomFieldsConfigSchema,
  TICKET_CUSTOM_FIELDS_KEY,
} from '../../src/features/ticket/custom-fields';
import { COMPONENTS, CUSTOMERS, FIRST_NAMES, PLATFORMS, WORDS } from './vocabulary';

/** Bump when the generated data changes shape, so an old benchmark database is re-seeded. */
const SEED_FORMAT = 2;
const SEED_MARKER = 'learntrac_bench_seed';
const DAY_US = 86_400_000_000n;
const PHRASES = 50_000;

/** One phrase of the pool, chosen by hashing `seed` (an integer SQL expression). */
function phrase(seed: string): string {
  return `(SELECT ph.text FROM bench_phrase ph WHERE ph.id = 1 + abs(hashint4((${seed})::int)) % ${PHRASES})`;
}

/** The first words of a phrase. */
function words(seed: string, count: string): string {
  return `array_to_string((string_to_array(${phrase(seed)}, ' '))[1:${count}], ' ')`;
}

/** A person's name; a higher skew makes the first names on the list busier. */
function person(skew: number): string {
  const names = FIRST_NAMES.map((name) => `'${name}'`).join(',');
  return `(ARRAY[${names}])[1 + floor(power(random(), ${skew}) * ${FIRST_NAMES.length})::int]`;
}

/** The custom fields the benchmark site has, one of each kind a query is likely to filter on. */
export const BENCH_CUSTOM_FIELDS: CustomField[] = CustomFieldsConfigSchema.parse([
  { name: 'customer', type: 'select', options: [...CUSTOMERS], optional: true, order: 1 },
  { name: 'estimate', type: 'text', label: 'Estimated hours', order: 2 },
  { name: 'needs_review', type: 'checkbox', value: '0', order: 3 },
  { name: 'due_date', type: 'time', format: 'date', label: 'Due date', order: 4 },
  { name: 'platform', type: 'radio', options: [...PLATFORMS], order: 5 },
]);

export interface SeedOptions {
  databaseUrl: string;
  tickets: number;
  wikiPages: number;
  log: (message: string) => void;
}

async function timed(log: (m: string) => void, what: string, run: () => Promise<unknown>) {
  const start = performance.now();
  await run();
  log(`  ${what} (${((performance.now() - start) / 1000).toFixed(1)} s)`);
}

/**
 * Fills the database with a tracker's worth of tickets, written the way Trac writes them:
 * every custom field in `ticket_custom`, every change as `ticket_change` rows sharing one time
 * (a numbered `comment` row plus one row per changed field). Bulk SQL does the work; the
 * secondary indexes are dropped while loading and rebuilt from their own definitions after.
 * Returns false when the database already held the same data and nothing was written.
 */
export async function seedTickets(options: SeedOptions): Promise<boolean> {
  await applyMigrations(options.databaseUrl);
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    const marker = JSON.stringify({
      format: SEED_FORMAT,
      tickets: options.tickets,
      wikiPages: options.wikiPages,
    });
    const existing = await client.query<{ value: string }>(
      'SELECT value FROM system WHERE name = $1',
      [SEED_MARKER],
    );
    if (existing.rows[0]?.value === marker) return false;
    const count = await client.query<{ n: string }>('SELECT count(*) AS n FROM ticket');
    if (Number(count.rows[0]?.n) > 0) {
      throw new Error('the benchmark database holds other tickets: pass --reseed to rebuild it');
    }

    const db = createPrismaClient(options.databaseUrl);
    try {
      await seedSite({ db });
    } finally {
      await db.$disconnect();
    }
    await client.query(`SET maintenance_work_mem = '256MB'`);
    await client.query('SELECT setseed(0.42)');
    await loadRows(client, options);
    await client.query(
      'INSERT INTO system (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = $2',
      [SEED_MARKER, marker],
    );
    return true;
  } finally {
    await client.end();
  }
}

async function loadRows(client: pg.Client, options: SeedOptions) {
  const { log } = options;
  const now = BigInt(Date.now()) * 1000n;
  // Six years of history, the newest ticket about a day old.
  const span = 6n * 365n * DAY_US;
  const start = now - span - DAY_US;
  const quarterUs = (365n * DAY_US) / 4n;
  const quarters = Number(span / quarterUs) + 5;

  // Text comes from a pool of phrases written once from the word list; each row picks its
  // phrases by hashing its own numbers, so the load is set-based and repeatable. Earlier words
  // are picked more often (random()^2.2), a long tail of rarer words as real text has.
  await timed(log, `${PHRASES} phrases for the text`, () =>
    client.query(
      `CREATE TEMP TABLE bench_phrase AS
       SELECT g AS id,
              string_agg(($1::text[])[1 + floor(power(random(), 2.2) * $2::int)::int], ' ') AS text
       FROM generate_series(1, $3::int) g
       CROSS JOIN LATERAL generate_series(1, 3 + (hashint4(g) & 15) + (hashint4(-g) & 7)) w
       GROUP BY g`,
      [WORDS, WORDS.length, PHRASES],
    ),
  );
  await client.query('ALTER TABLE bench_phrase ADD PRIMARY KEY (id)');

  await timed(log, 'site values: milestones, components, versions, custom fields', async () => {
    await client.query(
      `INSERT INTO milestone (name, due, completed, description)
       SELECT 'release-' || q, $1::bigint + (q + 1) * $2::bigint,
              CASE WHEN $1::bigint + (q + 1) * $2::bigint < $3::bigint
                   THEN $1::bigint + (q + 1) * $2::bigint ELSE 0 END,
              ${phrase('-1000000 - q')}
       FROM generate_series(0, $4::int - 1) q`,
      [start, quarterUs, now, quarters],
    );
    await client.query(
      `INSERT INTO component (name, owner, description)
       SELECT c, ${person(1)}, ${phrase('-2000000 - n')}
       FROM unnest($1::text[]) WITH ORDINALITY AS u(c, n)
       ON CONFLICT DO NOTHING`,
      [COMPONENTS],
    );
    await client.query(
      `INSERT INTO version (name, time, description)
       SELECT v || '.0', $1::bigint + v * 4 * $2::bigint, '' FROM generate_series(3, 8) v
       ON CONFLICT DO NOTHING`,
      [start, quarterUs],
    );
  });
  // The site's own custom fields (those the site seed defines) stay, before the benchmark's.
  const configured = await client.query<{ value: string | null }>(
    'SELECT value FROM system WHERE name = $1',
    [TICKET_CUSTOM_FIELDS_KEY],
  );
  const benchNames = new Set(BENCH_CUSTOM_FIELDS.map((field) => field.name));
  const siteFields = CustomFieldsConfigSchema.parse(
    JSON.parse(configured.rows[0]?.value || '[]'),
  ).filter((field) => !benchNames.has(field.name));
  const lastOrder = Math.max(0, ...siteFields.map((field) => field.order));
  await client.query(
    `INSERT INTO system (name, value) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET value = $2`,
    [
      TICKET_CUSTOM_FIELDS_KEY,
      JSON.stringify([
        ...siteFields,
        ...BENCH_CUSTOM_FIELDS.map((field) => ({ ...field, order: lastOrder + field.order })),
      ]),
    ],
  );

  const indexes = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = 'public'
       AND i.tablename IN ('ticket', 'ticket_custom', 'ticket_change', 'ticket_fulltext', 'wiki')
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  for (const index of indexes.rows) await client.query(`DROP INDEX "${index.name}"`);
  // The search documents are built once after the load rather than by the triggers on every row.
  await client.query('ALTER TABLE ticket DISABLE TRIGGER USER');
  await client.query('ALTER TABLE ticket_change DISABLE TRIGGER USER');

  await timed(log, `${options.tickets} tickets planned`, () =>
    client.query(
      `CREATE TEMP TABLE bench_plan AS
       WITH drawn AS (
         SELECT g AS id,
                $1::bigint + ((g - 1)::numeric * $2::numeric / $3::int)::bigint
                  + floor(random() * ($2::numeric / $3::int))::bigint AS time,
                random() AS r_status, random() AS r_work, random() AS r_prio,
                random() AS r_sev, random() AS r_type, random() AS r_comp, random() AS r_ms,
                random() AS r_k, random() AS r_step, random() AS r_res
         FROM generate_series(1, $3::int) g),
       aged AS (
         SELECT *, CASE WHEN $4::bigint - time > 180 * $5::bigint THEN 0.9
                        WHEN $4::bigint - time > 30 * $5::bigint THEN 0.6 ELSE 0.25 END AS closed_p
         FROM drawn),
       shaped AS (
         SELECT *,
           CASE WHEN r_status < closed_p THEN 'closed'
                WHEN (r_status - closed_p) / (1 - closed_p) < 0.4 THEN 'new'
                WHEN (r_status - closed_p) / (1 - closed_p) < 0.7 THEN 'assigned'
                WHEN (r_status - closed_p) / (1 - closed_p) < 0.88 THEN 'accepted'
                ELSE 'reopened' END AS status,
           ((time - $1::bigint) / $6::bigint)::int AS quarter
         FROM aged)
       SELECT id, time, status,
         CASE WHEN status = 'assigned' OR (status <> 'new' AND r_work < 0.3) THEN 'assigned'
              ELSE 'accepted' END AS work_status,
         CASE WHEN r_prio < 0.05 THEN 'blocker' WHEN r_prio < 0.17 THEN 'critical'
              WHEN r_prio < 0.62 THEN 'major' WHEN r_prio < 0.87 THEN 'minor' ELSE 'trivial' END
           AS priority,
         CASE WHEN r_sev < 0.05 THEN 'critical' WHEN r_sev < 0.2 THEN 'major'
              WHEN r_sev < 0.8 THEN 'normal' WHEN r_sev < 0.93 THEN 'minor' ELSE 'trivial' END
           AS severity,
         CASE WHEN r_type < 0.5 THEN 'defect' WHEN r_type < 0.8 THEN 'enhancement' ELSE 'task' END
           AS type,
         ($7::text[])[1 + floor(power(r_comp, 1.6) * cardinality($7::text[]))::int] AS component,
         CASE WHEN r_ms < 0.12 THEN ''
              -- Open tickets aimed at a release already out were moved to the next one.
              WHEN status <> 'closed' AND $1::bigint + (quarter + 2) * $6::bigint < $4::bigint
                THEN 'release-' || (($4::bigint - $1::bigint) / $6::bigint)::int
              ELSE 'release-' || (quarter + 1) END AS milestone,
         (3 + quarter / 4)::text || '.0' AS version,
         CASE WHEN status <> 'closed' THEN ''
              WHEN r_res < 0.7 THEN 'fixed' WHEN r_res < 0.78 THEN 'wontfix'
              WHEN r_res < 0.88 THEN 'duplicate' WHEN r_res < 0.95 THEN 'invalid'
              ELSE 'worksforme' END AS resolution,
         -- About five changes a ticket; reopening needs a close before it.
         CASE WHEN status = 'reopened' THEN 3 + floor(r_k * 6)::int
              ELSE 2 + floor(r_k * 7)::int END AS changes,
         r_step
       FROM shaped`,
      [start, span, options.tickets, now, DAY_US, quarterUs, COMPONENTS],
    ),
  );
  // Changes follow the ticket at a spacing that keeps the last one in the past.
  await client.query(
    `ALTER TABLE bench_plan ADD COLUMN step bigint;
     UPDATE bench_plan SET step = greatest(1000000, least(
       (600 + power(r_step, 2) * 20 * 86400)::bigint * 1000000,
       (${now}::bigint - time) / (changes + 1)));
     ANALYZE bench_plan`,
  );

  await timed(log, 'ticket rows', () =>
    client.query(
      `INSERT INTO ticket (id, type, time, changetime, component, severity, priority, owner,
                           reporter, cc, version, milestone, status, resolution, summary,
                           description, keywords)
       SELECT id, type, time, time + changes * step, component, severity, priority,
              ${person(2)}, ${person(1)},
              CASE WHEN random() < 0.2 THEN ${person(1)} ELSE '' END,
              version, milestone, status, resolution,
              initcap(${words('p.id * 64 + 1', '3 + p.id % 8')}),
              ${phrase('p.id * 64 + 2')} || ' ' || ${phrase('p.id * 64 + 3')} || ' '
                || ${phrase('p.id * 64 + 4')}
                || CASE WHEN random() < 0.3 THEN E'\\n\\nSee #' || (1 + floor(random() * p.id))::int
                        || ' and wiki:ProjectNote' || lpad((1 + floor(random() * 300))::int::text, 4, '0')
                        ELSE '' END
                || CASE WHEN random() < 0.25 THEN E'\\n\\n{{{\\n' || ${phrase('p.id * 64 + 5')} || E'\\n}}}\\n'
                        ELSE '' END
                || E'\\n\\n''''''Steps:''''''\\n * ' || ${phrase('p.id * 64 + 6')} || E'\\n * '
                || ${phrase('p.id * 64 + 7')},
              CASE WHEN random() < 0.6 THEN ${words('p.id * 64 + 8', '1 + p.id % 3')} ELSE '' END
       FROM bench_plan p ORDER BY p.id`,
    ),
  );
  await client.query(
    `SELECT setval(pg_get_serial_sequence('ticket', 'id'), (SELECT max(id) FROM ticket))`,
  );

  await timed(log, 'ticket_custom rows (every custom field of every ticket)', () =>
    client.query(
      `INSERT INTO ticket_custom (ticket, name, value)
       SELECT p.id, f.name, CASE f.name
           WHEN 'customer' THEN CASE WHEN random() < 0.08 THEN ''
             ELSE ($1::text[])[1 + floor(power(random(), 1.5) * cardinality($1::text[]))::int] END
           WHEN 'estimate' THEN CASE WHEN random() < 0.3 THEN '' ELSE floor(random() * 40)::text END
           WHEN 'needs_review' THEN CASE WHEN random() < 0.2 THEN '1' ELSE '0' END
           -- Trac's stored time: microseconds, zero-padded to 18 digits.
           WHEN 'due_date' THEN CASE WHEN random() < 0.6 THEN ''
             ELSE lpad((p.time + floor(random() * 60)::bigint * $3::bigint)::text, 18, '0') END
           ELSE ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int] END
       FROM bench_plan p
       CROSS JOIN unnest(ARRAY['customer', 'estimate', 'needs_review', 'due_date', 'platform']) f(name)
       ORDER BY p.id, f.name`,
      [CUSTOMERS, PLATFORMS, DAY_US],
    ),
  );
  // Trac writes every configured field when it creates a ticket: the site's get their defaults.
  await client.query(
    `INSERT INTO ticket_custom (ticket, name, value)
     SELECT p.id, f.name, f.value FROM bench_plan p
     CROSS JOIN unnest($1::text[], $2::text[]) f(name, value)`,
    [siteFields.map((field) => field.name), siteFields.map((field) => field.value)],
  );

  await timed(log, 'changes planned', () =>
    client.query(
      `CREATE TEMP TABLE bench_change AS
       SELECT p.id AS ticket, j, p.changes, p.time + j * p.step AS time, p.status,
              p.work_status, p.resolution, p.priority, p.milestone,
              CASE WHEN j = 1 AND p.status <> 'new' THEN 'start'
                   WHEN p.status = 'closed' AND j = p.changes THEN 'close'
                   WHEN p.status = 'reopened' AND j = p.changes - 1 THEN 'close'
                   WHEN p.status = 'reopened' AND j = p.changes THEN 'reopen'
                   ELSE 'edit' END AS kind,
              ${person(1.5)} AS author
       FROM bench_plan p CROSS JOIN LATERAL generate_series(1, p.changes) j;
       ANALYZE bench_change`,
    ),
  );

  await timed(log, 'ticket_change rows', async () => {
    // The numbered comment row every change has (empty when only fields changed).
    await client.query(
      `INSERT INTO ticket_change (ticket, time, author, field, oldvalue, newvalue)
       SELECT ticket, time, author, 'comment', j::text,
              CASE WHEN kind <> 'edit' AND random() < 0.4 THEN ''
                   ELSE ${phrase('(ticket * 16 + j) * 4 + 1')}
                     || CASE WHEN random() < 0.5 THEN ' ' || ${phrase('(ticket * 16 + j) * 4 + 2')}
                             ELSE '' END
                     || CASE WHEN random() < 0.15
                             THEN ' (see #' || (1 + floor(random() * ticket))::int || ')' ELSE '' END
              END
       FROM bench_change ORDER BY ticket, time`,
    );
    await client.query(
      `INSERT INTO ticket_change (ticket, time, author, field, oldvalue, newvalue)
       SELECT ticket, time, author, 'status',
              CASE kind WHEN 'start' THEN 'new' WHEN 'close' THEN work_status ELSE 'closed' END,
              CASE kind WHEN 'start' THEN work_status WHEN 'close' THEN 'closed' ELSE 'reopened' END
       FROM bench_change WHERE kind IN ('start', 'close', 'reopen')
       UNION ALL
       SELECT ticket, time, author, 'resolution',
              CASE kind WHEN 'close' THEN '' ELSE 'fixed' END,
              CASE kind WHEN 'close' THEN CASE WHEN status = 'reopened' THEN 'fixed' ELSE resolution END
                        ELSE '' END
       FROM bench_change WHERE kind IN ('close', 'reopen')`,
    );
    // Some edits also change a field: the priority, the milestone or a custom field.
    await client.query(
      `INSERT INTO ticket_change (ticket, time, author, field, oldvalue, newvalue)
       SELECT ticket, time, author, field, oldvalue, newvalue FROM (
         SELECT c.*, floor(random() * 10)::int AS pick FROM bench_change c WHERE kind = 'edit') c
       CROSS JOIN LATERAL (VALUES
         (CASE WHEN pick < 1 THEN 'priority' WHEN pick < 2 THEN 'milestone'
               WHEN pick < 3 THEN 'needs_review' END,
          CASE WHEN pick < 1 THEN CASE WHEN priority = 'minor' THEN 'major' ELSE 'minor' END
               WHEN pick < 2 THEN CASE WHEN milestone = '' THEN 'release-0' ELSE '' END
               ELSE '0' END,
          CASE WHEN pick < 1 THEN priority WHEN pick < 2 THEN milestone ELSE '1' END)
       ) f(field, oldvalue, newvalue)
       WHERE field IS NOT NULL`,
    );
  });

  await timed(log, `${options.wikiPages} wiki pages with their versions`, () =>
    client.query(
      `INSERT INTO wiki (name, version, time, author, text, comment, readonly)
       SELECT 'ProjectNote' || lpad(g::text, 4, '0'), v,
              $1::bigint + floor(random() * $2::numeric)::bigint + v * 3600000000,
              ${person(1.5)},
              '= ' || initcap(${phrase('-(g * 8 + v) * 8')}) || E' =\\n'
                || ${phrase('-(g * 8 + v) * 8 - 1')} || ' ' || ${phrase('-(g * 8 + v) * 8 - 2')}
                || E'\\n\\n== ' || initcap(${words('-(g * 8 + v) * 8 - 3', '3')}) || E' ==\\n * '
                || ${phrase('-(g * 8 + v) * 8 - 4')} || E'\\n * see #'
                || (1 + floor(random() * $3::int))::int || E'\\n\\n'
                || ${phrase('-(g * 8 + v) * 8 - 5')} || ' ' || ${phrase('-(g * 8 + v) * 8 - 6')},
              ${words('-(g * 8 + v) * 8 - 7', '4')}, 0
       FROM generate_series(1, $4::int) g
       CROSS JOIN LATERAL generate_series(1, 1 + (hashint4(g) & 3)) v`,
      [start, span, options.tickets, options.wikiPages],
    ),
  );

  await timed(log, 'search documents', async () => {
    await client.query('ALTER TABLE ticket ENABLE TRIGGER USER');
    await client.query('ALTER TABLE ticket_change ENABLE TRIGGER USER');
    await client.query('SELECT ticket_fulltext_rebuild()');
  });

  await timed(log, 'indexes rebuilt and statistics gathered', async () => {
    for (const index of indexes.rows) await client.query(index.definition);
    await client.query('DROP TABLE bench_plan, bench_change, bench_phrase');
    await client.query('VACUUM ANALYZE');
  });
}
