/**
 * Öppna data: every public dataset with its files (CSV, JSON, Excel), when it last changed, the period it
 * covers, its terms, and the data catalogue for Sweden's data portal. The sections and links carry the
 * ids the catalogue's IRIs end in (`/oppna-data#program`, `#program-csv`, `#kontakt` …), so following a
 * dataset's IRI leads to its description here.
 */
import type { DatasetTable } from '../../app/open-data/dataset-table.js';
import { CATALOGUE_PATH, datasetFilePath } from '../../app/open-data/dcat-catalogue.js';
import type { DatasetTerms } from '../../app/open-data/open-datasets.js';
import { CC0, OPEN_DATA_FORMATS } from '../../app/open-data/vocabularies.js';
import { EXAMPLE_PLAN_NOTICE } from '../../domain/plans/example-notices.js';
import { formatDate } from '../format.js';
import { localized } from '../i18n/locale.js';
import { texts } from '../i18n/texts.js';
import { Layout } from '../layout.js';

export interface OpenDataPageDataset {
  slug: string;
  title: string;
  description: string;
  terms: DatasetTerms;
  table: Pick<DatasetTable, 'modified' | 'temporal' | 'notices'> & { rowCount: number };
}

export interface OpenDataPageProps {
  datasets: readonly OpenDataPageDataset[];
  publisherName: string;
  contactEmail: string | null;
}

function DatasetSection({ d }: { d: OpenDataPageDataset }) {
  const t = texts().openData;
  const { modified, temporal, notices, rowCount } = d.table;
  return (
    <section aria-labelledby={`${d.slug}-rubrik`} id={d.slug}>
      <h3 class="ds-heading" data-size="sm" id={`${d.slug}-rubrik`}>
        {d.title}
      </h3>
      <p class="ds-paragraph">{d.description}</p>
      {notices.map((notice) => (
        <p class="ds-alert example-notice" data-color="warning">
          {notice}
        </p>
      ))}
      <dl class="facts">
        <dt>{t.modified}</dt>
        <dd>{modified ? formatDate(modified.slice(0, 10)) : t.notModified}</dd>
        <dt>{t.period}</dt>
        <dd id={`${d.slug}-period`}>
          {temporal ? `${formatDate(temporal.start)}\u2013${formatDate(temporal.end)}` : t.noPeriod}
        </dd>
        <dt>{t.rows}</dt>
        <dd>{t.rowCount(rowCount)}</dd>
        <dt>{t.termsLabel}</dt>
        <dd id={d.terms === 'cc0' ? undefined : `${d.slug}-villkor`}>{t.terms[d.terms]}</dd>
      </dl>
      <p class="ds-paragraph">{t.download}:</p>
      <ul class="ds-list">
        {OPEN_DATA_FORMATS.map((format) => (
          <li>
            <a class="ds-link" id={`${d.slug}-${format}`} href={datasetFilePath(d.slug, format)}>
              {t.downloadLink(d.title, t.formatNames[format])}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function OpenDataPage({ datasets, publisherName, contactEmail }: OpenDataPageProps) {
  const t = texts().openData;
  const hasExamples = datasets.some((d) => d.table.notices.includes(EXAMPLE_PLAN_NOTICE));
  return (
    <Layout title={t.title} description={t.metaDescription}>
      <h1>{t.title}</h1>
      <p class="ds-paragraph lead">{t.lead}</p>

      <h2 class="ds-heading" data-size="md">
        {t.datasetsHeading}
      </h2>
      {datasets.map((d) => (
        <DatasetSection d={d} />
      ))}

      <h2 class="ds-heading" data-size="md">
        {t.formatsHeading}
      </h2>
      <ul class="ds-list">
        {OPEN_DATA_FORMATS.map((format) => (
          <li>{t.formats[format]}</li>
        ))}
      </ul>
      <p class="ds-paragraph">{t.columnsNote}</p>
      <p class="ds-paragraph">{t.personalData}</p>

      <h2 class="ds-heading" data-size="md">
        {t.termsHeading}
      </h2>
      <p class="ds-paragraph">
        {t.terms.cc0}{' '}
        <a class="ds-link" href={CC0.iri} lang="en">
          {t.cc0Link}
        </a>
      </p>
      <p class="ds-paragraph">{t.terms.sources}</p>
      <p class="ds-paragraph">{t.terms.authors}</p>
      {hasExamples && <p class="ds-paragraph">{t.examplesNote}</p>}

      <h2 class="ds-heading" data-size="md" id="katalog">
        {t.catalogueHeading}
      </h2>
      <p class="ds-paragraph">{t.catalogueText}</p>
      <p class="ds-paragraph">
        <a class="ds-link" href={CATALOGUE_PATH}>
          {t.catalogueLink}
        </a>
      </p>
      <dl class="facts">
        <dt>{t.publisherLabel}</dt>
        <dd id="utgivare">{publisherName}</dd>
        <dt>{t.contactLabel}</dt>
        <dd id="kontakt">
          {contactEmail ? (
            <a class="ds-link" href={`mailto:${contactEmail}`}>
              {contactEmail}
            </a>
          ) : (
            t.contactEmailMissing
          )}{' '}
          <a class="ds-link" href={localized('/om')}>
            {t.contactAbout}
          </a>
        </dd>
      </dl>

      <h2 class="ds-heading" data-size="md" id="api">
        {t.apiHeading}
      </h2>
      <p class="ds-paragraph">
        {t.apiText}{' '}
        <a class="ds-link" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>
        .
      </p>
    </Layout>
  );
}
