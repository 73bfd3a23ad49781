/** Downloads of tables as CSV (Swedish Excel) and Excel workbooks; see the modules for the contracts. */
export { neutraliseFormula, type ExportColumn, type ExportRow } from './table.js';
export { formatCsvNumber, toCsv, type CsvOptions } from './csv-export.js';
export { safeSheetName, toXlsx, type XlsxOptions } from './xlsx-export.js';
export { contentDispositionAttachment, safeFileName } from './content-disposition.js';
