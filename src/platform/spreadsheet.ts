/**
 * Every CSV and XLSX Leitai writes goes through here, so a cell an entrant typed cannot run as a
 * formula in the organiser's spreadsheet ("CSV injection"). Excel, LibreOffice and WPS treat text
 * that begins with `=`, `+`, `-` or `@` as a formula, and a leading tab or carriage return can hide
 * one; OWASP's remedy is a leading single quote, which spreadsheets show as text and do not run.
 * Only text is touched: a number written as a number (a size, a score) stays a number, while a
 * phone typed as "+86…" is text and is neutralised like any other.
 */
import { stringify } from 'csv-stringify/sync';

export type SpreadsheetCell = string | number | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;

/** The text as a spreadsheet must receive it: prefixed with `'` when it would start a formula. */
export const neutraliseText = (text: string) => (formulaStart.test(text) ? `'${text}` : text);

export const spreadsheetCell = (value: SpreadsheetCell): string | number | null => {
  if (value === null || value === undefined) return null;
  return typeof value === 'number' ? value : neutraliseText(value);
};

/**
 * Rows as CSV with every cell neutralised, behind a BOM so spreadsheet programs read the Chinese
 * as UTF-8 rather than the system's code page.
 */
export const spreadsheetCsv = (rows: readonly (readonly SpreadsheetCell[])[]) => `\uFEFF${stringify(rows.map((row) => row.map(spreadsheetCell)))}`;
