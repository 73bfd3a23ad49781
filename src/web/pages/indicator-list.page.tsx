import { DocumentLinks } from '../components/document-links.js';
import type { IndicatorSearch } from '../../app/indicators/search-indicators.js';
import type { ImportRecord } from '../../domain/indicators/import-record.js';
import { ButtonLink, Button } from '../components/button.js';
import { DataTable } from '../components/data-table.js';
import { TextField } from '../components/form-field.js';
import { conferencePackPath } from '../document-paths.js';
import { formatDateTime, formatNumber } from '../format.js';
import { Layout } from '../layout.js';
import type { ImportKind } from '../../app/indicators/import-values.js';
import { SwedishData, swedishData } from '../components/content-text.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';

export interface IndicatorListPageProps {
  search: IndicatorSearch;
  imports: ImportRecord[];
  /** Whether the viewer may upload values (the secretariat, or a member's officer for their member). */
  mayImport: boolean;
  /** Whether the viewer may define indicators (the secretariat). */
  mayDefine?: boolean;
  /**
   * The year of the key-indicator conference whose pack the page offers: this year's (the pack shows the
   * latest values up to the year before).
   */
  conferenceYear: number;
  /** Whether this server can make PDFs (it has Chromium). */
  pdfAvailable: boolean;
}

/** The pack for the key-indicator conference of `year`, in its three formats. */
function ConferencePackLinks({ year, pdfAvailable }: { year: number; pdfAvailable: boolean }) {
  const t = texts().indicators;
  return (
    <section aria-labelledby="konferens-rubrik">
      <h2 class="ds-heading" data-size="sm" id="konferens-rubrik">
        {t.conferenceHeading(year)}
      </h2>
      <p class="ds-paragraph">{t.conferenceText(year - 1)}</p>
      <DocumentLinks
        name={t.conferencePack(year)}
        path={(format) => conferencePackPath(year, format)}
        pdfAvailable={pdfAvailable}
      />
    </section>
  );
}

/** The indicators we follow, a search in Kolada's catalogue, and the latest imports. */
export function IndicatorListPage({
  search,
  imports,
  mayImport,
  mayDefine = false,
  conferenceYear,
  pdfAvailable,
}: IndicatorListPageProps) {
  const { query, followed, catalogue, catalogueSize } = search;
  const t = texts();
  const it = t.indicators;
  return (
    <Layout title={it.title} description={it.description} current="/nyckeltal">
      <h1>{it.title}</h1>
      <p class="ds-paragraph">{it.lead}</p>
      {(mayImport || mayDefine) && (
        <div class="actions">
          {mayDefine && <ButtonLink href="/nyckeltal/nytt">{it.newLocal}</ButtonLink>}
          {mayImport && (
            <ButtonLink href="/nyckeltal/importera" variant={mayDefine ? 'secondary' : undefined}>
              {it.importValues}
            </ButtonLink>
          )}
        </div>
      )}
      <form method="get" action={localized('/nyckeltal')} role="search" aria-label={it.searchLabel} class="search-form">
        <TextField
          id="q"
          type="search"
          label={it.searchField}
          hint={it.searchHint(formatNumber(catalogueSize))}
          value={query}
        />
        <Button>{it.search}</Button>
      </form>

      <DataTable
        caption={query ? it.followedMatching(query) : it.followed}
        rowHeaders
        columns={[{ label: it.columns.indicator }, { label: it.columns.unit }, { label: it.columns.source }]}
        rows={followed.map((i) => [
          <a class="ds-link" href={localized(`/nyckeltal/${i.key}`)}>
            <SwedishData>{i.title}</SwedishData>
          </a>,
          <SwedishData>{i.unit}</SwedishData>,
          it.origin[i.origin],
        ])}
        empty={it.noneMatching}
      />

      {query && (
        <DataTable
          caption={it.catalogueCaption}
          rowHeaders
          columns={[
            { label: it.catalogueColumns.id },
            { label: it.catalogueColumns.indicator },
            { label: it.catalogueColumns.area },
            { label: it.catalogueColumns.followed },
          ]}
          rows={catalogue.map((k) => [
            k.followed ? (
              <a class="ds-link" href={localized(`/nyckeltal/${k.id}`)}>
                {k.id}
              </a>
            ) : (
              k.id
            ),
            <SwedishData>
              {k.title}
              {k.description && <span class="meta block">{k.description}</span>}
            </SwedishData>,
            <SwedishData>{k.operatingArea}</SwedishData>,
            k.followed ? t.common.yes : t.common.no,
          ])}
          empty={catalogueSize === 0 ? it.catalogueMissing : it.noCatalogueHits}
        />
      )}

      <DataTable
        caption={it.importsCaption}
        columns={[
          { label: it.importColumns.time },
          { label: it.importColumns.source },
          { label: it.importColumns.result },
          { label: it.importColumns.read, numeric: true },
          { label: it.importColumns.changed, numeric: true },
          { label: it.importColumns.deleted, numeric: true },
        ]}
        rows={imports.map((r) => [
          formatDateTime(r.finishedAt),
          <>
            {it.importKind[r.kind as ImportKind] ?? r.kind}: {r.sourceName}
          </>,
          <>
            {it.importStatus[r.status]}
            {r.message && (
              <span class="meta block" lang={swedishData()}>
                {r.message}
              </span>
            )}
          </>,
          formatNumber(r.rowsRead),
          formatNumber(r.rowsChanged),
          formatNumber(r.rowsDeleted),
        ])}
        empty={it.noImports}
      />

      <ConferencePackLinks year={conferenceYear} pdfAvailable={pdfAvailable} />
    </Layout>
  );
}
