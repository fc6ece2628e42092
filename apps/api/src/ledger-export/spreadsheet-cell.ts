/**
 * Characters with which a spreadsheet program (Excel, WPS, LibreOffice) starts a formula when it
 * opens a CSV file: `=`, `+`, `-`, `@`, and tab or carriage return, which some of them strip first.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made inert by the OWASP rule for CSV injection: a leading single quote, which the
 * spreadsheet shows as text instead of evaluating `=HYPERLINK(...)` a department typed as progress.
 * Every CSV the API writes passes its cells through here, so the rule has one home.
 */
export function inertCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV field: inert, and quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : inertCell(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line of fields, ended by CRLF as Excel expects. */
export function csvLine(values: readonly (string | number)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
