-- Each change to the site's settings also announces the new count on the `site_config_version`
-- channel (delivered when the change commits), so a web process that listens keeps its copy of
-- the settings current without asking for the count on every request.
CREATE OR REPLACE FUNCTION "bump_site_config_version"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  next_version BIGINT;
BEGIN
  UPDATE "site_config_version" SET "version" = "version" + 1 RETURNING "version" INTO next_version;
  PERFORM pg_notify('site_config_version', next_version::text);
  RETURN NULL;
END
$$;
