import { DocumentLinks } from '../components/document-links.js';
import type { IndicatorSearch } from '../../app/indicators/search-indicators.js';
import type { ImportRecord } from '../../storage/indicator.repository.js';
import { ButtonLink, Button } from '../components/button.js';
import { DataTable } from '../components/data-table.js';
import { TextField } from '../components/form-field.js';
import { conferencePackPath } from '../document-paths.js';
import { formatDateTime, formatNumber } from '../format.js';
import { Layout } from '../layout.js';
import { IMPORT_STATUS_LABELS, ORIGIN_LABELS } from '../present.js';
import { IMPORT_KIND_LABELS, type ImportKind } from '../../app/indicators/import-values.js';

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
  return (
    <section aria-labelledby="konferens-rubrik">
      <h2 class="ds-heading" data-size="sm" id="konferens-rubrik">
        Nyckeltalskonferensen {year}
      </h2>
      <p class="ds-paragraph">
        Underlaget till konferensen: per tjänsteområde medlemskommunerna i rangordning med gruppens, regionens och
        rikets värden, för det senaste året med värden fram till {year - 1}.
      </p>
      <DocumentLinks
        name={`Konferensunderlaget ${year}`}
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
  return (
    <Layout
      title="Nyckeltal"
      description="Nyckeltalen som samverkan följer, med sök i Koladas katalog och i egna nyckeltal, och de senaste inläsningarna av värden."
      current="/nyckeltal"
    >
      <h1>Nyckeltal</h1>
      <p class="ds-paragraph">
        Nyckeltalen visar hur medlemskommunerna utvecklas jämfört med varandra, med gruppen, med regionen och med riket
        – och hur programmets mål ligger till. Varje nyckeltal anger sin källa och licens.
      </p>
      {(mayImport || mayDefine) && (
        <div class="actions">
          {mayDefine && <ButtonLink href="/nyckeltal/nytt">Nytt eget nyckeltal</ButtonLink>}
          {mayImport && (
            <ButtonLink href="/nyckeltal/importera" variant={mayDefine ? 'secondary' : undefined}>
              Läs in värden från fil
            </ButtonLink>
          )}
        </div>
      )}
      <form method="get" action="/nyckeltal" role="search" aria-label="Sök nyckeltal" class="search-form">
        <TextField
          id="q"
          type="search"
          label="Sök på id eller ord"
          hint={`Söker bland våra nyckeltal och i Koladas katalog med ${formatNumber(catalogueSize)} nyckeltal, till exempel ”N00945” eller ”eftergymnasial utbildning”.`}
          value={query}
        />
        <Button>Sök</Button>
      </form>

      <DataTable
        caption={query ? `Våra nyckeltal som matchar ”${query}”` : 'Nyckeltal som följs i samverkan'}
        rowHeaders
        columns={[{ label: 'Nyckeltal' }, { label: 'Enhet' }, { label: 'Källa' }]}
        rows={followed.map((i) => [
          <a class="ds-link" href={`/nyckeltal/${i.key}`}>
            {i.title}
          </a>,
          i.unit,
          ORIGIN_LABELS[i.origin],
        ])}
        empty="Inga av våra nyckeltal matchar sökningen."
      />

      {query && (
        <DataTable
          caption={`Träffar i Koladas katalog (högst 50). Källa: Kolada`}
          rowHeaders
          columns={[{ label: 'Id' }, { label: 'Nyckeltal' }, { label: 'Verksamhetsområde' }, { label: 'Följs här' }]}
          rows={catalogue.map((k) => [
            k.followed ? (
              <a class="ds-link" href={`/nyckeltal/${k.id}`}>
                {k.id}
              </a>
            ) : (
              k.id
            ),
            <>
              {k.title}
              {k.description && <span class="meta block">{k.description}</span>}
            </>,
            k.operatingArea,
            k.followed ? 'Ja' : 'Nej',
          ])}
          empty={
            catalogueSize === 0
              ? 'Koladas katalog är inte inläst. Kör ”samverkan kolada sync --catalogue”.'
              : 'Inga träffar i Koladas katalog.'
          }
        />
      )}

      <DataTable
        caption="Senaste inläsningar"
        columns={[
          { label: 'Tid' },
          { label: 'Källa' },
          { label: 'Resultat' },
          { label: 'Lästa', numeric: true },
          { label: 'Ändrade', numeric: true },
          { label: 'Borttagna', numeric: true },
        ]}
        rows={imports.map((r) => [
          formatDateTime(r.finishedAt),
          <>
            {IMPORT_KIND_LABELS[r.kind as ImportKind] ?? r.kind}: {r.sourceName}
          </>,
          <>
            {IMPORT_STATUS_LABELS[r.status]}
            {r.message && <span class="meta block">{r.message}</span>}
          </>,
          formatNumber(r.rowsRead),
          formatNumber(r.rowsChanged),
          formatNumber(r.rowsDeleted),
        ])}
        empty="Inga inläsningar ännu."
      />

      <ConferencePackLinks year={conferenceYear} pdfAvailable={pdfAvailable} />
    </Layout>
  );
}
