/**
 * The controlled vocabularies the DCAT-AP catalogue takes its values from, with the labels the
 * catalogue writes beside them. DCAT-AP 3's SHACL shapes check a value against its vocabulary through
 * `skos:inScheme` in the catalogue itself, and want each concept typed (skos:Concept with a prefLabel,
 * dct:LinguisticSystem, dct:MediaTypeOrExtent …), so every value is described there with its scheme.
 *
 * Sources: the EU Publications Office's authority tables (data-theme, file-type, language,
 * access-right, planned-availability) under http://publications.europa.eu/resource/authority/, ADMS's
 * publisher and licence types (http://purl.org/adms/), IANA's media types. The English labels are the
 * tables' own; the Swedish ones are the tables' Swedish labels where they are given here.
 */

const EU = 'http://publications.europa.eu/resource/authority/';

export interface ConceptScheme {
  iri: string;
  /** The scheme's title (dcterms:title, which DCAT-AP's shapes require of a skos:ConceptScheme). */
  title: string;
}

export interface Concept {
  iri: string;
  scheme: ConceptScheme;
  /** skos:prefLabel per language; English always. */
  labels: { en: string; sv?: string };
}

const scheme = (iri: string, title: string): ConceptScheme => ({ iri, title });

export const SCHEMES = {
  dataTheme: scheme(`${EU}data-theme`, 'Data theme'),
  fileType: scheme(`${EU}file-type`, 'File type'),
  language: scheme(`${EU}language`, 'Language'),
  accessRight: scheme(`${EU}access-right`, 'Access right'),
  plannedAvailability: scheme(`${EU}planned-availability`, 'Planned availability'),
  publisherType: scheme('http://purl.org/adms/publishertype/1.0', 'Publisher type'),
  licenceType: scheme('http://purl.org/adms/licencetype/1.0', 'Licence type'),
} as const;

const concept = (s: ConceptScheme, code: string, en: string, sv?: string, base = `${s.iri}/`): Concept => ({
  iri: `${base}${code}`,
  scheme: s,
  labels: sv === undefined ? { en } : { en, sv },
});

/** The EU data themes the datasets are filed under (dcat:theme). */
export const DATA_THEMES = {
  GOVE: concept(SCHEMES.dataTheme, 'GOVE', 'Government and public sector', 'Regeringen och den offentliga sektorn'),
  REGI: concept(SCHEMES.dataTheme, 'REGI', 'Regions and cities', 'Regioner och städer'),
  SOCI: concept(SCHEMES.dataTheme, 'SOCI', 'Population and society', 'Befolkning och samhälle'),
} as const;

export type DataTheme = keyof typeof DATA_THEMES;

export const LANGUAGES = {
  sv: concept(SCHEMES.language, 'SWE', 'Swedish', 'svenska'),
  en: concept(SCHEMES.language, 'ENG', 'English', 'engelska'),
} as const;

export const PUBLIC_ACCESS = concept(SCHEMES.accessRight, 'PUBLIC', 'public');

export const STABLE_AVAILABILITY = concept(SCHEMES.plannedAvailability, 'STABLE', 'stable');

/** ADMS publisher type of a municipality, or a cooperation of municipalities: a public body. */
export const LOCAL_AUTHORITY = concept(
  SCHEMES.publisherType,
  'LocalAuthority',
  'Local Authority',
  undefined,
  'http://purl.org/adms/publishertype/',
);

export const PUBLIC_DOMAIN = concept(
  SCHEMES.licenceType,
  'PublicDomain',
  'Public domain',
  undefined,
  'http://purl.org/adms/licencetype/',
);

/** Creative Commons' CC0 1.0, written exactly as DCAT-AP-SE lists it. */
export const CC0 = {
  iri: 'http://creativecommons.org/publicdomain/zero/1.0/',
  label: 'CC0 1.0 Universal (CC0 1.0) Public Domain Dedication',
  type: PUBLIC_DOMAIN,
} as const;

/** The files each dataset is offered as: the EU file type (dcterms:format) and the IANA media type. */
export const FILE_FORMATS = {
  csv: {
    fileType: concept(SCHEMES.fileType, 'CSV', 'CSV'),
    mediaType: 'text/csv',
  },
  json: {
    fileType: concept(SCHEMES.fileType, 'JSON', 'JSON'),
    mediaType: 'application/json',
  },
  xlsx: {
    fileType: concept(SCHEMES.fileType, 'XLSX', 'XLSX'),
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
} as const;

export type OpenDataFormat = keyof typeof FILE_FORMATS;

export const OPEN_DATA_FORMATS: readonly OpenDataFormat[] = ['csv', 'json', 'xlsx'];

/** IANA's page for a media type: what dcat:mediaType points to. */
export const ianaMediaType = (mediaType: string): string => `https://www.iana.org/assignments/media-types/${mediaType}`;

/** OpenAPI 3.1, which the JSON API's description (/api/v1/openapi.json) follows: the service's dct:conformsTo. */
export const OPENAPI_3_1 = { iri: 'https://spec.openapis.org/oas/v3.1.0', title: 'OpenAPI Specification 3.1.0' };
