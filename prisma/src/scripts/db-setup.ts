// Migrates DATABASE_URL (the owner's connection) and writes the site defaults and the demo
// course (safe to repeat). With APPLICATION_DATABASE_PASSWORD, also lets the application role
// sign in with that password.
import { z } from 'zod';
import { createPrismaClient } from '../client/create-prisma-client.js';
import { setRolePassword } from '../migrate/application-role.js';
import { applyMigrations } from '../migrate/apply-migrations.js';
import { seedDemo } from '../seed/seed-demo.js';
import { seedSite } from '../seed/seed-site.js';

const env = z
  .object({
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    APPLICATION_DATABASE_PASSWORD: z.string().min(16).optional(),
  })
  .safeParse(process.env);
if (!env.success) {
  console.error(
    'DATABASE_URL must be set to a postgres:// URL, and APPLICATION_DATABASE_PASSWORD (if set) must have at least 16 characters',
  );
  process.exit(1);
}
const url = env.data.DATABASE_URL;
const migrations = await applyMigrations(url);
if (env.data.APPLICATION_DATABASE_PASSWORD) {
  await setRolePassword({ databaseUrl: url, password: env.data.APPLICATION_DATABASE_PASSWORD });
}
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
