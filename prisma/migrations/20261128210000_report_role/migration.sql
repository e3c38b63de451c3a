-- The role report SQL runs under (web/ switches to it with SET LOCAL ROLE inside each report's
-- read-only transaction), so a report reads Trac's ticket data and nothing else: not the
-- permission and session tables, not the learning schema. Written by hand: roles and grants
-- are outside Prisma's schema language, and `prisma migrate diff` ignores them.
--
-- Roles belong to the whole cluster, not to one database, so the role may already exist
-- (another database on the same server, or a migration running at the same moment).
-- The migration user needs CREATEROLE (on RDS the master user has it).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'learntrac_report') THEN
    CREATE ROLE learntrac_report NOLOGIN;
  END IF;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

-- The application's role must be a member to SET ROLE to it.
DO $$
BEGIN
  GRANT learntrac_report TO CURRENT_USER;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

GRANT USAGE ON SCHEMA public TO learntrac_report;

-- Trac's ticket, wiki and project tables; never permission, session, session_attribute,
-- system, the migrations table, nor anything in the learning schema.
GRANT SELECT ON TABLE
  "ticket",
  "ticket_custom",
  "ticket_change",
  "milestone",
  "component",
  "version",
  "enum",
  "wiki",
  "attachment",
  "report"
TO learntrac_report;

-- Tables added later are not readable by reports unless a migration grants them by name.
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM learntrac_report;
ALTER DEFAULT PRIVILEGES IN SCHEMA learning REVOKE ALL ON TABLES FROM learntrac_report;
