/**
 * Open data: the page /oppna-data, the datasets' files at /oppna-data/<dataset>.csv|.json|.xlsx and the
 * DCAT-AP-SE catalogue at /datasets/dcat (the address Sweden's data portal harvests). Everything here is
 * the same for whoever asks (the datasets never hold drafts), so files and catalogue may be cached by
 * anyone and fetched from other sites (CORS). Tables are read once per data version and day (a
 * programme's status follows the date) and shared by the page, the files and the catalogue.
 */
import { Hono, type Context } from 'hono';
import { dataVersion } from '../app/audit/data-version.js';
import { today, type AppContext } from '../app/context.js';
import { datasetFile, type DatasetFile } from '../app/open-data/dataset-files.js';
import type { DatasetTable } from '../app/open-data/dataset-table.js';
import {
  CATALOGUE_PATH,
  OPEN_DATA_PATH,
  catalogueRdfXml,
  type CatalogueDataset,
} from '../app/open-data/dcat-catalogue.js';
import {
  OPEN_DATASETS,
  findDataset,
  openDataPublisher,
  type PublishedDataset,
} from '../app/open-data/open-datasets.js';
import { openDataSettings } from '../app/open-data/settings.js';
import { CC0, OPEN_DATA_FORMATS, type OpenDataFormat } from '../app/open-data/vocabularies.js';
import { createChartCache } from '../charts/chart-cache.js';
import { notFound } from '../domain/errors.js';
import { contentDispositionAttachment } from '../exports/content-disposition.js';
import { texts } from './i18n/texts.js';
import { OpenDataPage } from './pages/open-data.page.js';
import { pageForThePublic } from './public-pages.js';
import { siteOrigin } from './site-address.js';

/** How long others may keep a file or the catalogue before asking again. */
const CACHE_CONTROL = 'public, max-age=300';

const FILE_NAME = /^([a-z]+)\.(csv|json|xlsx)$/;

const httpDate = (iso: string | null): string | undefined => {
  const time = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toUTCString();
};

export function openDataRoutes(ctx: AppContext): Hono {
  const web = new Hono();
  const forThePublic = pageForThePublic(ctx);
  const tables = createChartCache<DatasetTable>({ maxEntries: 3 * OPEN_DATASETS.length });
  const files = createChartCache<DatasetFile>({ maxEntries: 4 * OPEN_DATASETS.length * OPEN_DATA_FORMATS.length });
  const catalogues = createChartCache<string>({ maxEntries: 4 });

  const version = async () => `${await dataVersion(ctx)}|${today(ctx)}`;
  const tableOf = async (d: PublishedDataset, v: string) => tables.get(`${d.slug}|${v}`, () => d.load(ctx));

  /** The catalogue's words for a dataset, in both languages (the catalogue carries both). */
  const describe = (d: PublishedDataset, table: DatasetTable): CatalogueDataset => {
    const sv = texts('sv').openData;
    const en = texts('en').openData;
    const slug = d.slug;
    return {
      slug: d.slug,
      title: { sv: sv.datasets[slug].title, en: en.datasets[slug].title },
      description: { sv: sv.datasets[slug].description, en: en.datasets[slug].description },
      keywords: { sv: sv.datasets[slug].keywords, en: en.datasets[slug].keywords },
      themes: d.themes,
      terms: d.terms,
      ...(d.terms === 'cc0' ? {} : { rights: { sv: sv.catalogue.rights[d.terms], en: en.catalogue.rights[d.terms] } }),
      table,
      fileTitle: (format) => ({
        sv: sv.catalogue.fileTitle(sv.datasets[slug].title, sv.formatNames[format]),
        en: en.catalogue.fileTitle(en.datasets[slug].title, en.formatNames[format]),
      }),
      fileDescription: (format) => ({
        sv: sv.catalogue.fileDescription[format],
        en: en.catalogue.fileDescription[format],
      }),
    };
  };

  web.get(OPEN_DATA_PATH, (c) =>
    forThePublic(c, async () => {
      const v = await version();
      const [publisher, datasets] = await Promise.all([
        openDataPublisher(ctx),
        Promise.all(OPEN_DATASETS.map(async (d) => ({ d, table: await tableOf(d, v) }))),
      ]);
      const t = texts().openData;
      return (
        <OpenDataPage
          datasets={datasets.map(({ d, table }) => ({
            slug: d.slug,
            title: t.datasets[d.slug].title,
            description: t.datasets[d.slug].description,
            terms: d.terms,
            table: { ...table, rowCount: table.rows.length },
          }))}
          publisherName={publisher.name}
          contactEmail={openDataSettings().contactEmail}
        />
      );
    }),
  );

  web.get(`${OPEN_DATA_PATH}/:file`, async (c) => {
    const match = FILE_NAME.exec(c.req.param('file'));
    const dataset = match ? findDataset(match[1]!) : undefined;
    if (!match || !dataset) throw notFound('Datamängden');
    const format = match[2] as OpenDataFormat;
    const origin = siteOrigin(c);
    const v = await version();
    const table = await tableOf(dataset, v);
    const file = await files.get(`${dataset.slug}.${format}|${v}|${origin}`, () => {
      const t = texts('sv').openData;
      return datasetFile(table, format, {
        slug: dataset.slug,
        title: t.datasets[dataset.slug].title,
        description: t.datasets[dataset.slug].description,
        licence: dataset.terms === 'cc0' ? CC0.iri : null,
        terms: t.terms[dataset.terms],
        page: `${origin}${OPEN_DATA_PATH}#${dataset.slug}`,
        catalogue: `${origin}${CATALOGUE_PATH}`,
      });
    });
    return send(c, file.body, {
      'Content-Type': file.contentType,
      ...(format === 'json' ? {} : { 'Content-Disposition': contentDispositionAttachment(file.fileName) }),
      ...lastModified(table.modified),
    });
  });

  web.get(CATALOGUE_PATH, async (c) => {
    const origin = siteOrigin(c);
    const v = await version();
    const xml = await catalogues.get(`${v}|${origin}`, async () => {
      const [publisher, datasets] = await Promise.all([
        openDataPublisher(ctx),
        Promise.all(OPEN_DATASETS.map(async (d) => describe(d, await tableOf(d, v)))),
      ]);
      const sv = texts('sv').openData.catalogue;
      const en = texts('en').openData.catalogue;
      return catalogueRdfXml({
        origin,
        collaborationSlug: publisher.slug,
        title: { sv: sv.title(publisher.name), en: en.title(publisher.name) },
        description: { sv: sv.description(publisher.name), en: en.description(publisher.name) },
        publisherName: publisher.name,
        contact: {
          name: { sv: sv.contactName(publisher.name), en: en.contactName(publisher.name) },
          email: openDataSettings().contactEmail,
        },
        issued: publisher.issued,
        datasets,
        service: {
          title: { sv: sv.service.title, en: en.service.title },
          description: { sv: sv.service.description, en: en.service.description },
          keywords: { sv: sv.service.keywords, en: en.service.keywords },
        },
      });
    });
    return send(c, xml, { 'Content-Type': 'application/rdf+xml; charset=utf-8' });
  });

  return web;
}

const lastModified = (iso: string | null): Record<string, string> => {
  const date = httpDate(iso);
  return date ? { 'Last-Modified': date } : {};
};

function send(c: Context, body: string | Uint8Array, headers: Record<string, string>): Response {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    ...headers,
    'Cache-Control': CACHE_CONTROL,
    'Access-Control-Allow-Origin': '*',
  });
}
