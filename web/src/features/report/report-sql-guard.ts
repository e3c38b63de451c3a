import { AppError } from '@/core/errors/app-error';

/**
 * The database keeps the report role from calling the functions that reach outside a query
 * (locks, sleeps, signals, settings: see the report_function_limits migration). Where the
 * migrations could not change those privileges (a managed server whose catalog belongs to the
 * provider), this check is what refuses them, so it names them too.
 *
 * PostgreSQL lets a session take back its own role at any time: `set_config('role', ...)` in a
 * SELECT does what `RESET ROLE` does, and the functions that run SQL given as text
 * (`query_to_xml` and its kin, `ts_stat`, `ts_rewrite`) could then read, within the same
 * statement, what the report role may not. Reports never need either, so SQL naming them is
 * refused. The names are looked for anywhere in the text, quoted or not; Unicode-escaped
 * identifiers (`U&"..."`) are refused because they could spell the names another way.
 */
const FORBIDDEN_FUNCTIONS =
  /set_config|query_to_xml|table_to_xml|cursor_to_xml|schema_to_xml|database_to_xml|ts_stat|ts_rewrite|pg_advisory|pg_try_advisory|pg_sleep|pg_terminate_backend|pg_cancel_backend|pg_notify|dblink/i;

export function assertReportSqlAllowed(sql: string): void {
  if (/u&"/i.test(sql)) {
    throw new AppError(
      'INVALID_INPUT',
      'Report SQL may not use Unicode-escaped identifiers (U&"...").',
    );
  }
  const forbidden = FORBIDDEN_FUNCTIONS.exec(sql);
  if (forbidden) {
    throw new AppError(
      'INVALID_INPUT',
      `Report SQL may not call ${forbidden[0].toLowerCase()}: reports only read Trac's tables.`,
    );
  }
}
