-- Report SQL (run as learntrac_report) may call no function that reaches outside its own
-- read-only query: taking advisory locks (a report holding `wiki:<page>` stalled wiki saves),
-- sleeping to hold a connection, signalling other sessions, changing settings, sending
-- notifications, or running SQL given as text. These functions are granted to PUBLIC by default;
-- here they are taken from PUBLIC and given back to the roles that use them: the application
-- (wiki, custom field, seed and prerequisite locks; the job queue) and the migrating role (the
-- migration lock). A privilege holds against every way of spelling a call, which a check of the
-- SQL text cannot promise.
--
-- Function privileges are per database (this one). Changing them needs the owner of pg_catalog:
-- a superuser, as in development, the tests and self-managed servers. Where the migrating role is
-- not one (a managed service's master user), PostgreSQL only warns and nothing changes; the
-- warning below says so, and web's report SQL check, which refuses the same names, remains the
-- barrier there.
DO $$
DECLARE
  fn regprocedure;
BEGIN
  FOR fn IN
    SELECT p.oid::regprocedure
    FROM pg_proc p
    JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'pg_catalog'
      AND p.proname = ANY (ARRAY[
        'pg_advisory_lock', 'pg_advisory_lock_shared',
        'pg_advisory_xact_lock', 'pg_advisory_xact_lock_shared',
        'pg_try_advisory_lock', 'pg_try_advisory_lock_shared',
        'pg_try_advisory_xact_lock', 'pg_try_advisory_xact_lock_shared',
        'pg_advisory_unlock', 'pg_advisory_unlock_shared', 'pg_advisory_unlock_all',
        'pg_sleep', 'pg_sleep_for', 'pg_sleep_until',
        'pg_terminate_backend', 'pg_cancel_backend',
        'set_config', 'pg_notify',
        'query_to_xml', 'query_to_xmlschema', 'query_to_xml_and_xmlschema',
        'cursor_to_xml', 'cursor_to_xmlschema',
        'table_to_xml', 'table_to_xmlschema', 'table_to_xml_and_xmlschema',
        'schema_to_xml', 'schema_to_xmlschema', 'schema_to_xml_and_xmlschema',
        'database_to_xml', 'database_to_xmlschema', 'database_to_xml_and_xmlschema',
        'ts_stat', 'ts_rewrite'
      ])
  LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', fn);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO learntrac_app, %I', fn, current_user);
  END LOOP;
  -- Functions of extensions that open connections elsewhere (dblink, if it is ever installed).
  FOR fn IN
    SELECT p.oid::regprocedure FROM pg_proc p WHERE p.proname LIKE 'dblink%'
  LOOP
    EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', fn);
  END LOOP;

  IF has_function_privilege('learntrac_report', 'pg_catalog.pg_advisory_xact_lock(bigint)', 'EXECUTE') THEN
    RAISE WARNING 'learntrac_report can still call pg_catalog''s lock and session functions: % does not own them, so their privileges are unchanged; report SQL is limited by the application''s check only', current_user;
  END IF;
END
$$;
