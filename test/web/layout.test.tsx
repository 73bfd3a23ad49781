/**
 * The layout and components on their own, before any real page exists: a small Hono app renders
 * every component (a form in its error state, a table, the status tags) inside Layout, served with
 * the stylesheets and a strict CSP, and Chromium checks what a user would meet.
 */
import { Hono } from 'hono';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Breadcrumbs } from '../../src/web/components/breadcrumbs.js';
import { Button, ButtonLink } from '../../src/web/components/button.js';
import { DataTable } from '../../src/web/components/data-table.js';
import { errorFor, ErrorSummary, type FieldProblem } from '../../src/web/components/error-summary.js';
import { RadioGroup } from '../../src/web/components/fieldset.js';
import { Select, TextArea, TextField } from '../../src/web/components/form-field.js';
import { STATUS_LABELS, StatusTag, type StatusTagKind } from '../../src/web/components/status-tag.js';
import { formatLongDate, formatNumber, formatYearRange } from '../../src/web/format.js';
import { staticFiles } from '../../src/web/static-files.js';
import { Layout, MAIN_ID, renderPage } from '../../src/web/layout.js';
import {
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  launchBrowser,
  startServer,
  type RunningServer,
} from '../support/browser.js';

const NOTICE = 'Redigering är öppen för alla som når servern; inloggning och behörigheter kommer.';
// As strict as the real app's policy: no inline script or style anywhere.
const CSP =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const problems: FieldProblem[] = [
  { field: 'namn', message: 'Ange programmets namn' },
  { field: 'antagandeRegel', message: 'Välj hur programmet antas' },
];

function ShowcasePage() {
  const kinds = Object.keys(STATUS_LABELS) as StatusTagKind[];
  return (
    <Layout
      title="Komponenter"
      description="Alla komponenter i sidramen, för test: formulär med fel, tabell, statusmärken."
      current="/program"
      notice={NOTICE}
    >
      <Breadcrumbs
        items={[
          { href: '/', label: 'Start' },
          { href: '/program', label: 'Program' },
        ]}
        current="Nytt program"
      />
      <ErrorSummary errors={problems} />
      <h1>Nytt utvecklingsprogram för socialtjänstsamverkan i länet</h1>
      <p>
        Programmet gäller {formatYearRange(2019, 2022)} och antogs {formatLongDate('2019-10-11')}.
        Kommunalförbundsöverenskommelsedokumentationen ska vara klar före årsskiftet.
      </p>
      <form method="post" action="/program" novalidate>
        <TextField id="namn" label="Namn" hint="Som det står i beslutet" value="" error={errorFor(problems, 'namn')} />
        <TextField id="giltigFran" label="Gäller från år" inputmode="numeric" size={4} value={2019} />
        <TextArea id="beskrivning" label="Beskrivning" value="Ett gemensamt program <för> länets kommuner." />
        <Select
          id="kommun"
          label="Ansvarig kommun"
          placeholder="Välj kommun"
          value="1480"
          options={[
            { value: '1480', label: 'Göteborg' },
            { value: '1280', label: 'Malmö' },
          ]}
        />
        <RadioGroup
          id="antagandeRegel"
          legend="Hur antas programmet?"
          hint="Välj ett alternativ"
          error={errorFor(problems, 'antagandeRegel')}
          options={[
            { value: 'all_members', label: 'Av varje medlems fullmäktige', hint: 'Gäller när alla har antagit det' },
            { value: 'committee', label: 'Av den gemensamma nämnden' },
          ]}
        />
        <div class="button-group">
          <Button>Spara</Button>
          <ButtonLink href="/program" variant="secondary">
            Avbryt
          </ButtonLink>
        </div>
      </form>
      <h2>Status</h2>
      <ul>
        {kinds.map((kind) => (
          <li>
            <StatusTag kind={kind} />
          </li>
        ))}
      </ul>
      <DataTable
        caption="Antagande per medlem"
        rowHeaders
        columns={[
          { label: 'Kommun' },
          { label: 'Status' },
          { label: 'Beslutsdatum' },
          { label: 'Invånare', numeric: true },
          { label: 'Kostnad, kr', numeric: true },
          { label: 'Andel, %', numeric: true },
        ]}
        rows={[
          [
            'Göteborg',
            <StatusTag kind="in_force" />,
            '2019-10-11',
            formatNumber(604616),
            formatNumber(1234567.5),
            formatNumber(45.25),
          ],
          [
            'Malmö',
            <StatusTag kind="adopting" />,
            '2019-11-20',
            formatNumber(357377),
            formatNumber(987654),
            formatNumber(30.1),
          ],
        ]}
      />
      <dl class="summary-list">
        <dt>Giltighet</dt>
        <dd>{formatYearRange(2019, 2022)}</dd>
        <dt>Antagande</dt>
        <dd>Av varje medlems fullmäktige</dd>
      </dl>
    </Layout>
  );
}

function showcaseApp() {
  const app = new Hono();
  app.use(async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CSP);
  });
  app.route('/', staticFiles());
  app.get('/', (c) => c.html(renderPage(<ShowcasePage />)));
  return app;
}

describe('layout markup', () => {
  const html = renderPage(<ShowcasePage />);

  it('is a complete Swedish document with the doctype first', () => {
    expect(html.startsWith('<!DOCTYPE html><html lang="sv"')).toBe(true);
    expect(html).toContain('<title>Komponenter – samverkan</title>');
    expect(html).toContain('<meta charset="utf-8"/>');
    expect(html).toContain(
      '<meta name="description" content="Alla komponenter i sidramen, för test: formulär med fel, tabell, statusmärken."/>',
    );
  });

  it('names the site icon, so browsers do not ask for a missing /favicon.ico', () => {
    expect(html).toContain('<link rel="icon" href="/favicon.ico" sizes="16x16 32x32"/>');
    expect(html).toContain('<link rel="icon" href="/static/favicon.svg" type="image/svg+xml"/>');
  });

  it('has no inline style or script, which the CSP would block', () => {
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<style/i);
  });

  it('marks the current menu item and links the footer pages', () => {
    expect(html).toContain('<a href="/program" aria-current="page">Program</a>');
    expect(html.match(/aria-current="page"/g)).toHaveLength(2); // menu item + breadcrumb
    expect(html).toContain('href="/tillganglighet"');
    expect(html).toContain('Öppen källkod under EUPL-1.2');
    expect(html).toContain(NOTICE);
  });

  it('ties hints and errors to their controls and keeps the values', () => {
    expect(html).toMatch(/<input[^>]*id="namn"[^>]*aria-describedby="namn-hint namn-error"[^>]*aria-invalid="true"/);
    expect(html).toContain('id="namn-error"');
    expect(html).toMatch(/<input[^>]*id="giltigFran"[^>]*value="2019"/);
    expect(html).not.toMatch(/id="giltigFran"[^>]*aria-invalid/);
    expect(html).toContain('Ett gemensamt program &lt;för&gt; länets kommuner.</textarea>');
    expect(html).toMatch(/<option value="1480" selected="">Göteborg<\/option>/);
    expect(html).toMatch(/<fieldset[^>]*aria-describedby="antagandeRegel-hint antagandeRegel-error"/);
    // The summary's links land on the control: for radios, the first radio carries the group id.
    expect(html).toContain('<a class="ds-link" href="#antagandeRegel">Välj hur programmet antas</a>');
    expect(html).toMatch(/<input[^>]*type="radio" id="antagandeRegel"/);
  });

  it('renders nothing for an empty error summary', () => {
    expect(renderPage(<div>{ErrorSummary({ errors: [] })}</div>)).toBe('<div></div>');
  });
});

describe('layout in Chromium', () => {
  let browser: Browser;
  let server: RunningServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchBrowser(), startServer(showcaseApp())]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openShowcase(): Promise<{ page: Page; cspErrors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cspErrors: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
    });
    const response = await page.goto(`${server.url}/`);
    expect(response?.status()).toBe(200);
    return { page, cspErrors };
  }

  it('applies the stylesheets under the CSP and passes axe with zero violations', async () => {
    const { page, cspErrors } = await openShowcase();
    // Contrast checks mean nothing on an unstyled page: prove the design system is in effect.
    const styles = await page.evaluate(() => ({
      font: getComputedStyle(document.body).fontFamily,
      button: getComputedStyle(document.querySelector('.ds-button')!).backgroundColor,
      summary: getComputedStyle(document.querySelector('.ds-error-summary')!).backgroundColor,
    }));
    expect(styles.font).toContain('system-ui');
    expect(styles.button).not.toBe('rgba(0, 0, 0, 0)');
    expect(styles.summary).not.toBe('rgba(0, 0, 0, 0)');
    await expectNoAxeViolations(page);
    expect(cspErrors).toEqual([]);
    await page.context().close();
  });

  it('lets the first Tab reach the skip link, which moves focus to main', async () => {
    const { page } = await openShowcase();
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const el = document.activeElement as HTMLAnchorElement | null;
      return {
        text: el?.textContent,
        href: el?.getAttribute('href'),
        visible: (el?.getBoundingClientRect().width ?? 0) > 1,
      };
    });
    expect(first).toEqual({ text: 'Till huvudinnehållet', href: `#${MAIN_ID}`, visible: true });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(MAIN_ID);
    await page.context().close();
  });

  it('reflows at 320 px without horizontal scroll and still passes axe', async () => {
    const { page } = await openShowcase();
    await expectNoHorizontalScroll(page);
    // The wide table scrolls inside its own region instead of the page.
    const table = await page.evaluate(() => {
      const wrap = document.querySelector('.table-wrap')!;
      return { scrolls: wrap.scrollWidth > wrap.clientWidth };
    });
    expect(table.scrolls).toBe(true);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
