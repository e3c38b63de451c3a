// Migrates DATABASE_URL and writes the site defaults and the demo course (safe to repeat).
import { z } from 'zod';
import { createPrismaClient } from '../client/create-prisma-client.js';
import { applyMigrations } from '../migrate/apply-migrations.js';
import { seedDemo } from '../seed/seed-demo.js';
import { seedSite } from '../seed/seed-site.js';

const env = z
  .object({ DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }) })
  .safeParse(process.env);
if (!env.success) {
  console.error('DATABASE_URL must be set to a postgres:// URL');
  process.exit(1);
}
const url = env.data.DATABASE_URL;
const migrations = await applyMigrations(url);
const db = createPrismaClient(url);
try {
  const site = await seedSite({ db });
  const demo = await seedDemo({ db });
  console.log(
    JSON.stringify({
      migrationsApplied: migrations.applied,
      siteSeeded: site.seeded,
      demoSeeded: demo.seeded,
    }),
  );
} finally {
  await db.$disconnect();
}
