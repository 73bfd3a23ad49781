import { Hono, type Context } from 'hono';
import { annualReportTable, type AnnualReportTable } from '../app/results/annual-report.js';
import type { AppContext } from '../app/context.js';
import { drillDownOf, parseDrillDownQuery } from '../app/results/drill-down.js';
import { getYearResults } from '../app/results/year-results.js';
import { contentDispositionAttachment } from '../exports/content-disposition.js';
import { toXlsx } from '../exports/xlsx-export.js';
import { AnnualReportPage } from './pages/annual-report.page.js';
import { ResultsActivitiesPage } from './pages/results-activities.page.js';
import { ResultsRollupPage } from './pages/results-rollup.page.js';
import { annualReportPath } from './pages/results-parts.page.js';
import { html } from './render.js';

const YEAR = ':year{[0-9]{4}}';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const yearOf = (c: Context) => Number(c.req.param('year'));

/**
 * The annual report as a workbook: toXlsx writes the table (bold, frozen header; text never a
 * formula); the lines saying what the file is (year, draft, source, examples) go above it, so they
 * are the first thing anyone opening the file reads.
 */
async function annualReportWorkbook(table: AnnualReportTable): Promise<Uint8Array> {
  const bytes = await toXlsx(table.sheetName, table.columns, table.rows);
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const lines = [...table.preamble, ''];
  sheet.spliceRows(1, 0, ...lines.map((line) => [line]));
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.views = [{ state: 'frozen', ySplit: lines.length + 1 }];
  workbook.creator = 'Samverkan';
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Roll-ups per goal and focus area, the activities behind each figure, and the annual report. */
export function resultsRoutes(ctx: AppContext): Hono {
  const web = new Hono();

  web.get(`/uppfoljning/${YEAR}/maluppfyllelse`, async (c) => {
    const results = await getYearResults(ctx, yearOf(c), { indicators: true });
    return html(c, <ResultsRollupPage results={results} />);
  });

  web.get(`/uppfoljning/${YEAR}/aktiviteter`, async (c) => {
    // Checked before any reading: a bad query is the reader's to correct, whatever the year holds.
    const query = parseDrillDownQuery({
      mal: c.req.query('mal'),
      omrade: c.req.query('omrade'),
      status: c.req.query('status'),
    });
    const d = drillDownOf(await getYearResults(ctx, yearOf(c)), query);
    return html(c, <ResultsActivitiesPage d={d} />);
  });

  web.get(`/uppfoljning/${YEAR}/arsredovisning`, async (c) => {
    const results = await getYearResults(ctx, yearOf(c), { indicators: true });
    return html(c, <AnnualReportPage results={results} />);
  });

  web.get(`/uppfoljning/${YEAR}/arsredovisning.xlsx`, async (c) => {
    const year = yearOf(c);
    const results = await getYearResults(ctx, year, { indicators: true });
    const source = new URL(annualReportPath(year), c.req.url).toString();
    const workbook = await annualReportWorkbook(annualReportTable(results, source));
    return c.body(workbook as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': contentDispositionAttachment(
        `arsredovisning-${year}-utkast${results.includesExamples ? '-exempel' : ''}.xlsx`,
      ),
      // The figures change with every report; a signed-in reader may see plans the public does not.
      'Cache-Control': 'private, no-store',
    });
  });

  return web;
}
