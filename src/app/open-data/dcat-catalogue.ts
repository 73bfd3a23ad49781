/**
 * The open datasets as a DCAT-AP-SE 3.0.1 catalogue in RDF/XML: what Sweden's data portal
 * (dataportal.se) harvests from a public body at `/datasets/dcat`. Per the profile and its harvesting
 * rules: absolute IRIs only and no blank nodes; the publisher a foaf:Agent typed with an ADMS publisher
 * type; licences by their exact addresses; a contact point (vcard:Organization, with vcard:hasEmail when an
 * address is configured); EU data themes; EU file types in dcterms:format and IANA media types in
 * dcat:mediaType; dcat:accessURL and dcat:downloadURL for every file. Each value from a controlled
 * vocabulary is described in the catalogue (type, label, skos:inScheme), which is how DCAT-AP 3's SHACL
 * shapes check it. The JSON API is listed as a dcat:DataService.
 */
import { createHash } from 'node:crypto';
import type { DatasetTable } from './dataset-table.js';
import type { DatasetTerms } from './open-datasets.js';
import { RdfGraph, XSD_DATE, XSD_DATE_TIME, type QName, type RdfObject, type RdfResource } from './rdf-xml.js';
import {
  CC0,
  DATA_THEMES,
  FILE_FORMATS,
  LANGUAGES,
  LOCAL_AUTHORITY,
  OPEN_DATA_FORMATS,
  OPENAPI_3_1,
  PUBLIC_ACCESS,
  STABLE_AVAILABILITY,
  ianaMediaType,
  type Concept,
  type DataTheme,
  type OpenDataFormat,
} from './vocabularies.js';

export interface Localised {
  sv: string;
  en: string;
}

export interface CatalogueDataset {
  slug: string;
  title: Localised;
  description: Localised;
  keywords: { sv: readonly string[]; en: readonly string[] };
  themes: readonly DataTheme[];
  terms: DatasetTerms;
  /** For terms other than CC0: what the terms are (a dcterms:RightsStatement). */
  rights?: Localised;
  table: Pick<DatasetTable, 'modified' | 'temporal'>;
  /** A sentence on the file, per format (dcterms:description of the distribution). */
  fileDescription: (format: OpenDataFormat) => Localised;
  /** The file's title, per format. */
  fileTitle: (format: OpenDataFormat) => Localised;
}

export interface CatalogueInput {
  /** The origin every address is built on, e.g. `https://samverkan.sodertorn.se`. */
  origin: string;
  /** Stable across addresses: the seed of the catalogue's and datasets' UUID identifiers. */
  collaborationSlug: string;
  title: Localised;
  description: Localised;
  publisherName: string;
  contact: { name: Localised; email: string | null };
  /** When the catalogue was first published (an ISO timestamp), if known. */
  issued: string | null;
  datasets: readonly CatalogueDataset[];
  service: { title: Localised; description: Localised; keywords: { sv: readonly string[]; en: readonly string[] } };
}

/** The addresses the catalogue names (paths on the origin). */
export const OPEN_DATA_PATH = '/oppna-data';
export const CATALOGUE_PATH = '/datasets/dcat';
const ABOUT_PATH = '/om';
const API_PATH = '/api/v1';
const API_DESCRIPTION_PATH = '/api/v1/openapi.json';

export const datasetFilePath = (slug: string, format: OpenDataFormat): string => `${OPEN_DATA_PATH}/${slug}.${format}`;

/** The datasets the JSON API serves too (the plans' follow-up through each plan). */
const SERVED_BY_API = new Set(['program', 'beslut', 'nyckeltalsvarden', 'planer', 'uppfoljning']);

/**
 * A name-based UUID (RFC 9562 version 5, SHA-1, in the URL namespace): the same name always gives the
 * same identifier, whatever address the service moves to. The portal tells duplicates apart by it.
 */
export function nameUuid(name: string): string {
  const namespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An ISO timestamp as xsd:dateTime; anything else that starts with a date as xsd:date. */
function timestamp(iso: string): RdfObject | undefined {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(iso))
    return { text: iso, datatype: XSD_DATE_TIME };
  const date = /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0];
  return date ? { text: date, datatype: XSD_DATE } : undefined;
}

const latestOf = (values: readonly (string | null)[]): string | null =>
  values.reduce<string | null>((max, v) => (v && (max === null || v > max) ? v : max), null);

export function catalogueRdfXml(input: CatalogueInput): string {
  const { origin } = input;
  const at = (path: string) => `${origin}${path}`;
  const page = at(OPEN_DATA_PATH);
  const iri = {
    catalogue: at(CATALOGUE_PATH),
    dataset: (slug: string) => `${page}#${slug}`,
    distribution: (slug: string, format: OpenDataFormat) => `${page}#${slug}-${format}`,
    period: (slug: string) => `${page}#${slug}-period`,
    rights: (slug: string) => `${page}#${slug}-villkor`,
    publisher: `${page}#utgivare`,
    contact: `${page}#kontakt`,
    service: `${page}#api`,
  };
  const g = new RdfGraph();

  // ---- Controlled vocabularies: each value typed, labelled and placed in its scheme.
  const concept = (c: Concept, ...types: QName[]): string => {
    const r = g.describe(c.iri, 'skos:Concept');
    for (const t of types) g.describe(c.iri, t);
    r.texts('skos:prefLabel', c.labels).link('skos:inScheme', c.scheme.iri);
    g.describe(c.scheme.iri, 'skos:ConceptScheme').texts('dcterms:title', { en: c.scheme.title });
    return c.iri;
  };
  const language = (c: Concept) => concept(c, 'dcterms:LinguisticSystem');
  const document = (url: string) => {
    g.describe(url, 'foaf:Document');
    return url;
  };
  /** An address to fetch: the EU shapes want it typed rdfs:Resource (true of anything in RDF). */
  const resource = (url: string) => {
    g.describe(url, 'rdfs:Resource');
    return url;
  };
  const modified = (r: RdfResource, value: string | null) => {
    const object = value ? timestamp(value) : undefined;
    if (object) r.add('dcterms:modified', object);
  };

  // ---- The catalogue.
  const datasetsModified = latestOf(input.datasets.map((d) => d.table.modified));
  const catalogue = g
    .describe(iri.catalogue, 'dcat:Catalog')
    .texts('dcterms:title', input.title)
    .texts('dcterms:description', input.description)
    .text('dcterms:identifier', nameUuid(`urn:samverkan:${input.collaborationSlug}:katalog`))
    .link('dcterms:publisher', iri.publisher)
    .link('dcterms:license', CC0.iri)
    .link('dcterms:language', language(LANGUAGES.sv))
    .link('dcterms:language', language(LANGUAGES.en))
    .link('foaf:homepage', document(at('/')))
    .link('dcat:themeTaxonomy', DATA_THEMES.GOVE.scheme.iri);
  if (input.issued) {
    const issued = timestamp(input.issued);
    if (issued) catalogue.add('dcterms:issued', issued);
  }
  modified(catalogue, datasetsModified);
  for (const d of input.datasets) catalogue.link('dcat:dataset', iri.dataset(d.slug));
  catalogue.link('dcat:service', iri.service);

  // ---- Publisher (a public body) and contact point.
  g.describe(iri.publisher, 'foaf:Agent')
    .text('foaf:name', input.publisherName)
    .link('dcterms:type', concept(LOCAL_AUTHORITY));
  const contact = g
    .describe(iri.contact, 'vcard:Organization')
    .texts('vcard:fn', input.contact.name)
    .link('vcard:hasURL', at(ABOUT_PATH));
  g.describe(iri.contact, 'vcard:Kind');
  if (input.contact.email) contact.link('vcard:hasEmail', `mailto:${input.contact.email}`);

  // ---- Licence.
  g.describe(CC0.iri, 'dcterms:LicenseDocument').text('rdfs:label', CC0.label).link('dcterms:type', concept(CC0.type));

  // ---- The datasets and their files.
  const landingPage = document(page);
  for (const d of input.datasets) {
    const dataset = g
      .describe(iri.dataset(d.slug), 'dcat:Dataset')
      .texts('dcterms:title', d.title)
      .texts('dcterms:description', d.description)
      .text('dcterms:identifier', nameUuid(`urn:samverkan:${input.collaborationSlug}:oppna-data:${d.slug}`))
      .link('dcterms:publisher', iri.publisher)
      .link('dcat:contactPoint', iri.contact)
      .link('dcat:landingPage', landingPage)
      .link('dcterms:language', language(LANGUAGES.sv))
      .link('dcterms:accessRights', concept(PUBLIC_ACCESS, 'dcterms:RightsStatement'));
    for (const k of d.keywords.sv) dataset.add('dcat:keyword', { text: k, lang: 'sv' });
    for (const k of d.keywords.en) dataset.add('dcat:keyword', { text: k, lang: 'en' });
    for (const theme of d.themes) dataset.link('dcat:theme', concept(DATA_THEMES[theme]));
    modified(dataset, d.table.modified);
    if (d.table.temporal) {
      dataset.link('dcterms:temporal', iri.period(d.slug));
      g.describe(iri.period(d.slug), 'dcterms:PeriodOfTime')
        .add('dcat:startDate', { text: d.table.temporal.start, datatype: XSD_DATE })
        .add('dcat:endDate', { text: d.table.temporal.end, datatype: XSD_DATE });
    }
    if (d.terms !== 'cc0' && d.rights)
      g.describe(iri.rights(d.slug), 'dcterms:RightsStatement').texts('rdfs:label', d.rights);

    for (const format of OPEN_DATA_FORMATS) {
      const file = at(datasetFilePath(d.slug, format));
      const { fileType, mediaType } = FILE_FORMATS[format];
      dataset.link('dcat:distribution', iri.distribution(d.slug, format));
      const distribution = g
        .describe(iri.distribution(d.slug, format), 'dcat:Distribution')
        .texts('dcterms:title', d.fileTitle(format))
        .texts('dcterms:description', d.fileDescription(format))
        .link('dcat:accessURL', resource(file))
        .link('dcat:downloadURL', file)
        .link('dcterms:format', concept(fileType, 'dcterms:MediaTypeOrExtent'))
        .link('dcat:mediaType', ianaMediaType(mediaType))
        .link('dcterms:language', language(LANGUAGES.sv))
        .link('dcatap:availability', concept(STABLE_AVAILABILITY));
      g.describe(ianaMediaType(mediaType), 'dcterms:MediaType');
      if (d.terms === 'cc0') distribution.link('dcterms:license', CC0.iri);
      else if (d.rights) distribution.link('dcterms:rights', iri.rights(d.slug));
      modified(distribution, d.table.modified);
    }
  }

  // ---- The JSON API, which serves the same data by programme, indicator and plan.
  const service = g
    .describe(iri.service, 'dcat:DataService')
    .texts('dcterms:title', input.service.title)
    .texts('dcterms:description', input.service.description)
    .link('dcat:endpointURL', resource(at(API_PATH)))
    .link('dcat:endpointDescription', resource(at(API_DESCRIPTION_PATH)))
    .link('dcterms:conformsTo', OPENAPI_3_1.iri)
    .link('dcterms:publisher', iri.publisher)
    .link('dcat:contactPoint', iri.contact)
    .link('dcterms:accessRights', concept(PUBLIC_ACCESS, 'dcterms:RightsStatement'))
    .link('dcat:landingPage', landingPage);
  g.describe(OPENAPI_3_1.iri, 'dcterms:Standard').text('dcterms:title', OPENAPI_3_1.title);
  for (const k of input.service.keywords.sv) service.add('dcat:keyword', { text: k, lang: 'sv' });
  for (const k of input.service.keywords.en) service.add('dcat:keyword', { text: k, lang: 'en' });
  for (const d of input.datasets) {
    if (!SERVED_BY_API.has(d.slug)) continue;
    service.link('dcat:servesDataset', iri.dataset(d.slug));
    for (const theme of d.themes) service.link('dcat:theme', concept(DATA_THEMES[theme]));
  }

  return g.toRdfXml();
}
