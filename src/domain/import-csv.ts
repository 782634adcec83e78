// Writing CSV the advisor opens in Excel and can import again: RFC 4180 quoting, CRLF line ends, and a byte
// order mark so Excel reads Hindi as UTF-8.

export const CSV_BOM = '\uFEFF';

/**
 * One cell, quoted when it must be. A cell a spreadsheet would run as a formula (=, +, @, or - not followed by
 * a digit) gets a leading apostrophe (OWASP "CSV injection"); a negative number such as -2,50,000 is left alone,
 * and the import strips the apostrophe again.
 */
export function csvCell(value: string): string {
  const guarded = /^([=+@\t\r]|-(?!\d))/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
