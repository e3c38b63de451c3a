// Trac's ticket query language: parse (string and URL forms), format, and build SQL.
export {
  type BuildQuerySqlOptions,
  buildQuerySql,
  type QuerySql,
  type QueryTables,
  type SqlStatement,
  TOTAL_COLUMN,
} from './build-query-sql';
export { formatQueryString, formatQueryUrl } from './format-query';
export { type ParseQueryOptions, parseQueryString } from './parse-query-string';
export { parseQueryUrl, type QueryUrlInput } from './parse-query-url';
export { type DateContext, parseQueryDate } from './query-dates';
export {
  canonicalFieldName,
  type QueryField,
  type QueryFieldType,
  standardTicketFields,
} from './query-fields';
export {
  createQuery,
  type MatchMode,
  operatorPrefix,
  type Query,
  type QueryConstraint,
  type QueryFormat,
} from './query-model';
export { QuerySyntaxError } from './query-syntax-error';
export { defaultOrder, resolveQueryColumns } from './resolve-query-columns';
