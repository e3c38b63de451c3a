import { ReportError } from './report-errors';

/**
 * PostgreSQL lets a session take back its own role at any time: `set_config('role', ...)` in a
 * SELECT does what `RESET ROLE` does, and the functions that run SQL given as text
 * (`query_to_xml` and its kin, `ts_stat`, `ts_rewrite`) could then read, within the same
 * statement, what the report role may not. Reports never need either, so SQL naming them is
 * refused. The names are looked for anywhere in the text, quoted or not; Unicode-escaped
 * identifiers (`U&"..."`) are refused because they could spell the names another way.
 */
const FORBIDDEN_FUNCTIONS =
  /set_config|query_to_xml|table_to_xml|cursor_to_xml|schema_to_xml|database_to_xml|ts_stat|ts_rewrite/i;

export function assertReportSqlAllowed(sql: string): void {
  if (/u&"/i.test(sql)) {
    throw new ReportError('Report SQL may not use Unicode-escaped identifiers (U&"...").');
  }
  const forbidden = FORBIDDEN_FUNCTIONS.exec(sql);
  if (forbidden) {
    throw new ReportError(
      `Report SQL may not call ${forbidden[0].toLowerCase()}: reports only read Trac's tables.`,
    );
  }
}
