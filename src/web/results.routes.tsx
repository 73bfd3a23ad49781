import type { PdfPrinter } from '../documents/pdf-printer.js';
import { Hono, type Context } from 'hono';
import { annualReportTable } from '../app/results/annual-report.js';
import type { AppContext } from '../app/context.js';
import { drillDownOf, parseDrillDownQuery } from '../app/results/drill-down.js';
import { getYearResults } from '../app/results/year-results.js';
import { contentDispositionAttachment } from '../exports/content-disposition.js';
import { toXlsx } from '../exports/xlsx-export.js';
import { AnnualReportPage } from './pages/annual-report.page.js';
import { ResultsActivitiesPage } from './pages/results-activities.page.js';
import { ResultsRollupPage } from './pages/results-rollup.page.js';
import { annualReportPath } from './pages/results-parts.page.js';
import { pageForThePublic } from './public-pages.js';

const YEAR = ':year{[0-9]{4}}';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const yearOf = (c: Context) => Number(c.req.param('year'));

/** Roll-ups per goal and focus area, the activities behind each figure, and the annual report. */
export function resultsRoutes(ctx: AppContext, pdfPrinter: PdfPrinter): Hono {
  const web = new Hono();
  const forThePublic = pageForThePublic(ctx);

  web.get(`/uppfoljning/${YEAR}/maluppfyllelse`, (c) =>
    forThePublic(c, async () => (
      <ResultsRollupPage results={await getYearResults(ctx, yearOf(c), { indicators: true })} />
    )),
  );

  web.get(`/uppfoljning/${YEAR}/aktiviteter`, async (c) => {
    // Checked before any reading: a bad query is the reader's to correct, whatever the year holds.
    const query = parseDrillDownQuery({
      mal: c.req.query('mal'),
      omrade: c.req.query('omrade'),
      status: c.req.query('status'),
    });
    return forThePublic(c, async () => (
      <ResultsActivitiesPage d={drillDownOf(await getYearResults(ctx, yearOf(c)), query)} />
    ));
  });

  web.get(`/uppfoljning/${YEAR}/arsredovisning`, (c) =>
    forThePublic(c, async () => (
      <AnnualReportPage
        results={await getYearResults(ctx, yearOf(c), { indicators: true })}
        pdfAvailable={pdfPrinter.available()}
      />
    )),
  );

  web.get(`/uppfoljning/${YEAR}/arsredovisning.xlsx`, async (c) => {
    const year = yearOf(c);
    const results = await getYearResults(ctx, year, { indicators: true });
    const source = new URL(annualReportPath(year), c.req.url).toString();
    const table = annualReportTable(results, source);
    const workbook = await toXlsx(table.sheetName, table.columns, table.rows, { preamble: table.preamble });
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
