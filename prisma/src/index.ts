// Types of every model (Ticket, Wiki, Path, ...), the Prisma namespace and PrismaClient.
export type * from '../generated/client/client.js';
export { PathStatus } from '../generated/client/enums.js';
export {
  type CreatePrismaClientOptions,
  createPrismaClient,
} from './client/create-prisma-client.js';
export { isDatabaseUnavailable } from './client/database-unavailable.js';
export type { Db, DbOrTransaction } from './client/db.js';
