-- The role the services (web, learn-api) connect as: it reads and writes the application's rows
-- and owns nothing, so it cannot change the schema, read the migration record, or act as a
-- superuser. Migrations run as another role (the one running this file), which owns the tables.
-- Written by hand: roles and grants are outside Prisma's schema language.
--
-- The role is created without a password, so it cannot sign in until the deployment sets one
-- (`setApplicationRolePassword` in @learntrac/db/migrate: the local launcher from its own secret,
-- the cloud migration task from Secrets Manager). Roles belong to the whole cluster, so it may
-- already exist (another database on the same server, or a migration running at the same time).
-- The migration user needs CREATEROLE (on RDS the master user has it).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'learntrac_app') THEN
    CREATE ROLE learntrac_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
  END IF;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

-- Reports run as learntrac_report (SET LOCAL ROLE inside their transaction).
GRANT learntrac_report TO learntrac_app;

GRANT USAGE ON SCHEMA public, learning TO learntrac_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, learning TO learntrac_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public, learning TO learntrac_app;
-- The migration record is the migrating role's alone. (It is missing only where Prisma replays
-- the migrations into a scratch database to compare them with the schema.)
DO $$
BEGIN
  IF to_regclass('"_prisma_migrations"') IS NOT NULL THEN
    REVOKE ALL ON TABLE "_prisma_migrations" FROM learntrac_app;
  END IF;
END
$$;

-- Tables and sequences that later migrations create in these schemas (as the same migrating
-- role) are the application's to use without a grant of their own. A migration that adds a
-- schema grants it explicitly.
ALTER DEFAULT PRIVILEGES IN SCHEMA public, learning
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO learntrac_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public, learning
  GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO learntrac_app;

-- The job queue (pg-boss) creates and upgrades its own schema, `pgboss`, when learn-api starts,
-- so the application may create schemas in this database (and owns the ones it creates). It
-- still cannot touch the tables above except through the grants given here.
DO $$
BEGIN
  EXECUTE format('GRANT CREATE ON DATABASE %I TO learntrac_app', current_database());
END
$$;
