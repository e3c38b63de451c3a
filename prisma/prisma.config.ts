// Prisma CLI configuration. The native schema engine cannot be downloaded here, so the CLI
// runs its WebAssembly engine through a driver adapter. The CLI needs adapter-pg 7.x (it
// decodes PostgreSQL's `name` type), installed under the alias @prisma/adapter-pg-cli; the
// runtime client keeps @prisma/adapter-pg 6.19.3.
import { PrismaPg } from '@prisma/adapter-pg-cli';
import { defineConfig } from 'prisma/config';

// schema.prisma reads env("DATABASE_URL") even for commands that never connect (generate);
// those get a placeholder that names the problem if it is ever used.
process.env.DATABASE_URL ??= 'postgresql://localhost/DATABASE_URL-is-not-set';

// The adapter gives the shadow database's name as a pool field; pg lets a connection string
// override that field, so the connection is passed as separate fields.
function connectionFields(url: string) {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    idleTimeoutMillis: 1000,
  };
}

// PostgreSQL's one-byte `"char"` type (oid 18: pg_constraint.contype and friends, read by
// the schema engine) is unknown to the adapter; the engine expects it as a Character column.
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils
const TEXT_OID = 25;
type PgResult = { fields?: { dataTypeID: number }[] };
type Queryable = {
  performIO(query: unknown): Promise<PgResult>;
  queryRaw(query: unknown): Promise<{ columnTypes: number[] }>;
};
let charPatched = false;
function acceptCharColumns(adapter: object) {
  if (charPatched) return;
  const proto = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as Queryable;
  const queryRaw = proto.queryRaw;
  proto.queryRaw = async function (this: Queryable, query: unknown) {
    const charColumns: number[] = [];
    const performIO = async (q: unknown) => {
      const result = await this.performIO(q);
      result.fields?.forEach((field, i) => {
        if (field.dataTypeID !== 18) return;
        field.dataTypeID = TEXT_OID;
        charColumns.push(i);
      });
      return result;
    };
    const result = await queryRaw.call(
      Object.create(this, { performIO: { value: performIO } }),
      query,
    );
    for (const i of charColumns) result.columnTypes[i] = CHARACTER_COLUMN;
    return result;
  };
  charPatched = true;
}

type ConnectionFields = ReturnType<typeof connectionFields>;

class CliPrismaPg extends PrismaPg {
  constructor(private readonly fields: ConnectionFields) {
    super(fields);
  }

  override async connect() {
    const adapter = await super.connect();
    acceptCharColumns(adapter);
    return adapter;
  }

  // One shadow database per target database, named after it, so a run that ends without
  // disposing (the CLI may exit first) leaves at most one behind and the next run replaces it.
  override async connectToShadowDb() {
    const conn = await this.connect();
    const database = `${this.fields.database}_prisma_shadow`;
    await conn.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await conn.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = await new PrismaPg({ ...this.fields, database }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await conn.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await conn.dispose();
    };
    return shadow;
  }
}

export default defineConfig({
  engine: 'js',
  experimental: { adapter: true },
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  async adapter() {
    return new CliPrismaPg(connectionFields(process.env.DATABASE_URL as string));
  },
});
