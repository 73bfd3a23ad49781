import type { OpenDataTexts } from '../sv/openData.js';

/** Made once: n.toLocaleString('en-GB') would construct a formatter on every call. */
const ROW_COUNT = new Intl.NumberFormat('en-GB');

export const openData: OpenDataTexts = {
  title: 'Open data',
  metaDescription:
    'The programmes, the decisions, the key indicator values, the plans and their follow-up as open data in CSV, JSON and Excel, with a data catalogue for Sweden’s data portal.',
  lead: 'What the cooperation publishes is also open data: tables to download as CSV, JSON and Excel, at addresses that do not change. Drafts and plans not yet adopted are never included. The data are in Swedish.',
  datasetsHeading: 'Datasets',
  modified: 'Last changed',
  notModified: 'No data yet',
  period: 'Period',
  noPeriod: 'No period (no dated data)',
  rows: 'Rows',
  rowCount: (n: number) => (n === 1 ? '1 row' : `${ROW_COUNT.format(n)} rows`),
  termsLabel: 'Terms',
  download: 'Download',
  downloadLink: (dataset: string, format: string) => `${dataset} as ${format}`,
  formatNames: { csv: 'CSV', json: 'JSON', xlsx: 'Excel' },

  formatsHeading: 'The file formats',
  formats: {
    csv: 'CSV: comma-separated UTF-8 text with a header row, a full stop as decimal mark. For programs and analysis tools.',
    json: 'JSON: the same table with the columns’ keys and headings, the dataset’s terms, when it last changed and a link to the catalogue.',
    xlsx: 'Excel: the same table from the first row, with the terms below the table. To open in a spreadsheet.',
  },
  columnsNote:
    'The column headings are in Swedish. An empty field means the value is missing, never zero. Every part has an id that does not change, so rows can be joined across the datasets.',
  personalData:
    'Names of people are not included: not the people responsible for activities, not who reported and not the names consultation comments are shown with. The names of municipalities and bodies are.',

  termsHeading: 'Licence and terms',
  terms: {
    cc0: 'CC0 1.0: free to use for any purpose, without conditions and without any requirement to name the source.',
    sources:
      'The values belong to their sources and follow their terms: every row names its source and licence. Kolada’s key indicators may be used freely with the attribution “Källa: Kolada”.',
    authors:
      'The comments are public records (allmänna handlingar). The texts are their writers’; the cooperation grants no licence for them. Quote them with a reference to the consultation.',
  },
  cc0Link: 'About CC0 1.0 at Creative Commons',
  examplesNote:
    'The plans in the demonstration data are invented examples that show the service. Every row says whether its plan is an example.',

  catalogueHeading: 'Data catalogue',
  catalogueText:
    'The datasets are also described in a data catalogue following DCAT-AP-SE 3.0.1, the Swedish profile that Sweden’s data portal (dataportal.se) harvests from public bodies. The catalogue is in RDF/XML with fixed, absolute addresses.',
  catalogueLink: 'The data catalogue (DCAT-AP-SE, RDF/XML)',
  publisherLabel: 'Publisher',
  contactLabel: 'Contact',
  contactEmailMissing:
    'No e-mail address for open data has been set yet; one is needed before the data portal harvests the catalogue.',
  contactAbout: 'About the service and who runs it',

  apiHeading: 'API',
  apiText:
    'The same data are in the open JSON API, by programme, key indicator and plan. Its description (OpenAPI) is at',

  catalogue: {
    title: (collaboration: string) => `Open data from ${collaboration}`,
    description: (collaboration: string) =>
      `Datasets on the joint development programme of ${collaboration}: the programmes with their structure, the members’ decisions to adopt them, the key indicator values, the adopted plans and their follow-up.`,
    contactName: (collaboration: string) => `${collaboration}, open data`,
    fileTitle: (dataset: string, format: string) => `${dataset} (${format})`,
    fileDescription: {
      csv: 'The table as CSV: comma-separated, UTF-8, with a header row.',
      json: 'The table as JSON, with the columns’ keys and headings and the dataset’s terms.',
      xlsx: 'The table as an Excel workbook, with the terms below the table.',
    },
    rights: {
      sources:
        'The values belong to their sources and follow their terms; every row names its source and licence. Kolada’s key indicators: free use with the attribution “Källa: Kolada”.',
      authors:
        'The comments are public records (allmänna handlingar); the texts are their writers’ and no licence is granted for them. Quote them with a reference to the consultation.',
    },
    service: {
      title: 'The cooperation’s open JSON API',
      description:
        'The programmes with focus areas, goals and strategies, the decisions to adopt them, the key indicator values and the adopted plans with their follow-up, as JSON (key indicators also as CSV and Excel).',
      keywords: ['API', 'development programme', 'key indicators'],
    },
  },

  datasets: {
    program: {
      title: 'Development programmes',
      description:
        'The joint development programmes with their structure: perspectives, focus areas, goals and strategies, the goals’ contributions to the perspectives, the networks responsible and which goals continue goals of earlier programmes. One row per part; the id and parent id build the tree.',
      keywords: ['development programme', 'goals', 'strategies', 'focus areas', 'cooperation', 'municipalities'],
    },
    beslut: {
      title: 'Decisions to adopt the programmes',
      description:
        'Every recorded decision on a programme: which municipality’s executive board or which body decided, the date and how surely it is known, paragraph, outcome and source. What the sources do not say is left empty.',
      keywords: ['decisions', 'adoption', 'executive board', 'development programme'],
    },
    nyckeltalsvarden: {
      title: 'Key indicator values',
      description:
        'The values of the key indicators the cooperation follows, by municipality, region and the nation, year and gender. Every row names its source and licence.',
      keywords: ['key indicators', 'statistics', 'municipalities', 'follow-up'],
    },
    planer: {
      title: 'Adopted operational plans and action plans',
      description:
        'The chief networks’ plans adopted by the cooperation committee, one row per activity: the goals and strategies it serves, the municipalities taking part, dates, budget, climate effect and latest follow-up.',
      keywords: ['operational plan', 'action plan', 'activities', 'networks'],
    },
    uppfoljning: {
      title: 'Follow-up of the plans',
      description:
        'The reports on the adopted plans’ activities, one row per activity and follow-up round: status, share completed, comment and assessed climate effect.',
      keywords: ['follow-up', 'activities', 'status', 'operational plan'],
    },
    kommentarer: {
      title: 'Consultation comments',
      description:
        'The published comments in the consultations on proposed development programmes, one row per comment: the part of the programme it is about, its text and the secretariat’s published answers. Hidden and unconfirmed comments are not included.',
      keywords: ['consultation', 'comments', 'public participation', 'development programme'],
    },
  },
};
