-- A count of changes to the site's settings: the permission grants, the ticket field choices
-- (enum, component, milestone, version), the `system` rows (custom fields, workflow, ticket
-- defaults) and the InterMapTxt wiki page. Nearly every page reads these settings and they
-- rarely change, so a web process keeps what it read while this count stays the same: one
-- small read per request instead of one per setting, and a change is seen by the next request
-- of every process. The triggers are written by hand (Prisma cannot express them and
-- `prisma migrate diff` ignores them and the check constraint).
CREATE TABLE "site_config_version" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "site_config_version_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "site_config_version_one_row" CHECK ("id")
);
INSERT INTO "site_config_version" ("id", "version") VALUES (true, 0);

CREATE FUNCTION "bump_site_config_version"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "site_config_version" SET "version" = "version" + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "permission_site_config_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "permission"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_site_config_version"();
CREATE TRIGGER "enum_site_config_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "enum"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_site_config_version"();
CREATE TRIGGER "component_site_config_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "component"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_site_config_version"();
CREATE TRIGGER "milestone_site_config_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "milestone"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_site_config_version"();
CREATE TRIGGER "version_site_config_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "version"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_site_config_version"();
CREATE TRIGGER "system_site_config_version"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "system"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_site_config_version"();

-- Of the wiki, only InterMapTxt is a setting; other edits leave the count alone.
CREATE TRIGGER "wiki_insert_site_config_version"
  AFTER INSERT ON "wiki" FOR EACH ROW WHEN (NEW."name" = 'InterMapTxt')
  EXECUTE FUNCTION "bump_site_config_version"();
CREATE TRIGGER "wiki_update_site_config_version"
  AFTER UPDATE ON "wiki" FOR EACH ROW WHEN (OLD."name" = 'InterMapTxt' OR NEW."name" = 'InterMapTxt')
  EXECUTE FUNCTION "bump_site_config_version"();
CREATE TRIGGER "wiki_delete_site_config_version"
  AFTER DELETE ON "wiki" FOR EACH ROW WHEN (OLD."name" = 'InterMapTxt')
  EXECUTE FUNCTION "bump_site_config_version"();
CREATE TRIGGER "wiki_truncate_site_config_version"
  AFTER TRUNCATE ON "wiki"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_site_config_version"();
