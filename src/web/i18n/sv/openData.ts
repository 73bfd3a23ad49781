/**
 * Öppna data: the page /oppna-data and the words of the data catalogue (/datasets/dcat), which carries
 * the Swedish and the English texts side by side. The data files themselves are in Swedish.
 */
/** Made once: n.toLocaleString('sv-SE') would construct a formatter on every call. */
const ROW_COUNT = new Intl.NumberFormat('sv-SE');

export const openData = {
  title: 'Öppna data',
  metaDescription:
    'Programmen, besluten, nyckeltalens värden, planerna och deras uppföljning som öppna data i CSV, JSON och Excel, med datakatalog för Sveriges dataportal.',
  lead: 'Det som samverkan publicerar finns också som öppna data: tabeller att ladda ner som CSV, JSON och Excel, på adresser som inte ändras. Utkast och planer som inte är antagna ingår aldrig.',
  datasetsHeading: 'Datamängder',
  modified: 'Senast ändrad',
  notModified: 'Inga uppgifter ännu',
  period: 'Period',
  noPeriod: 'Ingen period (inga daterade uppgifter)',
  rows: 'Rader',
  rowCount: (n: number) => (n === 1 ? '1 rad' : `${ROW_COUNT.format(n)} rader`),
  termsLabel: 'Villkor',
  download: 'Ladda ner',
  downloadLink: (dataset: string, format: string) => `${dataset} som ${format}`,
  formatNames: { csv: 'CSV', json: 'JSON', xlsx: 'Excel' },

  formatsHeading: 'Filformaten',
  formats: {
    csv: 'CSV: kommaseparerad text i UTF-8 med rubrikrad, punkt som decimaltecken. För program och analysverktyg.',
    json: 'JSON: samma tabell med kolumnernas nycklar och rubriker, datamängdens villkor, när den senast ändrades och länk till katalogen.',
    xlsx: 'Excel: samma tabell från första raden, med villkoren under tabellen. För att öppna i ett kalkylprogram.',
  },
  columnsNote:
    'Kolumnrubrikerna är på svenska. Ett tomt fält betyder att uppgiften saknas, aldrig noll. Varje del har ett id som inte ändras, så att rader kan kopplas ihop mellan datamängderna.',
  personalData:
    'Namn på personer ingår inte: inte aktiviteternas ansvariga, inte vem som har rapporterat och inte namnen som kommentarerna i samråden visas med. Kommunernas och organens namn ingår.',

  termsHeading: 'Licens och villkor',
  terms: {
    cc0: 'CC0 1.0: fri att använda för alla ändamål, utan villkor och utan krav på källhänvisning.',
    sources:
      'Värdena tillhör sina källor och följer deras villkor: varje rad anger källa och licens. För Koladas nyckeltal gäller fri användning med källhänvisningen ”Källa: Kolada”.',
    authors:
      'Kommentarerna är allmänna handlingar. Texterna är de som skrev dem; samverkan ger ingen licens för dem. Citera dem med hänvisning till samrådet.',
  },
  cc0Link: 'Om CC0 1.0 hos Creative Commons',
  examplesNote:
    'Planerna i demonstrationsdata är påhittade exempel som visar tjänsten. Varje rad säger om planen är ett exempel.',

  catalogueHeading: 'Datakatalog',
  catalogueText:
    'Datamängderna beskrivs också i en datakatalog enligt DCAT-AP-SE 3.0.1, den svenska profilen som Sveriges dataportal (dataportal.se) hämtar från offentliga organisationer. Katalogen är i RDF/XML och har fasta, fullständiga adresser.',
  catalogueLink: 'Datakatalogen (DCAT-AP-SE, RDF/XML)',
  publisherLabel: 'Utgivare',
  contactLabel: 'Kontakt',
  contactEmailMissing:
    'Ingen e-postadress för öppna data är inställd ännu; den behövs innan dataportalen hämtar katalogen.',
  contactAbout: 'Om tjänsten och vem som driver den',

  apiHeading: 'API',
  apiText:
    'Samma uppgifter finns i det öppna JSON-API:t, per program, nyckeltal och plan. Beskrivningen (OpenAPI) finns på',

  /** The catalogue's own title and description. */
  catalogue: {
    title: (collaboration: string) => `Öppna data från ${collaboration}`,
    description: (collaboration: string) =>
      `Datamängder om det gemensamma utvecklingsprogrammet i ${collaboration}: programmen med sin struktur, medlemmarnas beslut om att anta dem, nyckeltalens värden, de antagna planerna och deras uppföljning.`,
    contactName: (collaboration: string) => `${collaboration}, öppna data`,
    fileTitle: (dataset: string, format: string) => `${dataset} (${format})`,
    fileDescription: {
      csv: 'Tabellen som CSV: kommaseparerad, UTF-8, med rubrikrad.',
      json: 'Tabellen som JSON, med kolumnernas nycklar och rubriker och datamängdens villkor.',
      xlsx: 'Tabellen som Excel-arbetsbok, med villkoren under tabellen.',
    },
    rights: {
      sources:
        'Värdena tillhör sina källor och följer deras villkor; varje rad anger källa och licens. Koladas nyckeltal: fri användning med källhänvisningen ”Källa: Kolada”.',
      authors:
        'Kommentarerna är allmänna handlingar; texterna är de som skrev dem och ingen licens ges för dem. Citera dem med hänvisning till samrådet.',
    },
    service: {
      title: 'Samverkans öppna JSON-API',
      description:
        'Programmen med fokusområden, mål och strategier, besluten om att anta dem, nyckeltalens värden och de antagna planerna med uppföljning, som JSON (nyckeltal även som CSV och Excel).',
      keywords: ['API', 'utvecklingsprogram', 'nyckeltal'],
    },
  },

  datasets: {
    program: {
      title: 'Utvecklingsprogram',
      description:
        'De gemensamma utvecklingsprogrammen med sin struktur: perspektiv, fokusområden, mål och strategier, målens bidrag till perspektiven, ansvariga nätverk och vilka mål som fortsätter mål i tidigare program. En rad per del; id och överordnat id bygger upp trädet.',
      keywords: ['utvecklingsprogram', 'mål', 'strategier', 'fokusområden', 'samverkan', 'kommuner'],
    },
    beslut: {
      title: 'Beslut om att anta programmen',
      description:
        'Varje registrerat beslut om ett program: vilken kommuns kommunstyrelse eller vilket organ som beslutade, datum och hur säkert det är känt, paragraf, utfall och källa. Det som källorna inte säger lämnas tomt.',
      keywords: ['beslut', 'antagande', 'kommunstyrelse', 'utvecklingsprogram'],
    },
    nyckeltalsvarden: {
      title: 'Nyckeltalens värden',
      description:
        'Värdena för de nyckeltal som samverkan följer, per kommun, region och riket, år och kön. Varje rad anger källa och licens.',
      keywords: ['nyckeltal', 'statistik', 'kommuner', 'uppföljning'],
    },
    planer: {
      title: 'Antagna verksamhetsplaner och handlingsplaner',
      description:
        'Chefsnätverkens planer som samarbetskommittén har antagit, en rad per aktivitet: vilka mål och strategier den tjänar, deltagande kommuner, tid, budget, klimatpåverkan och senaste uppföljning.',
      keywords: ['verksamhetsplan', 'handlingsplan', 'aktiviteter', 'nätverk'],
    },
    uppfoljning: {
      title: 'Uppföljning av planerna',
      description:
        'Rapporterna om de antagna planernas aktiviteter, en rad per aktivitet och uppföljningsomgång: status, hur stor del som är genomförd, kommentar och bedömd klimatpåverkan.',
      keywords: ['uppföljning', 'aktiviteter', 'status', 'verksamhetsplan'],
    },
    kommentarer: {
      title: 'Kommentarer i samråd',
      description:
        'De publicerade kommentarerna i samråden om förslag till utvecklingsprogram, en rad per kommentar: vilken del av programmet den gäller, texten och sekretariatets publicerade svar. Dolda och obekräftade kommentarer ingår inte.',
      keywords: ['samråd', 'kommentarer', 'medborgardialog', 'utvecklingsprogram'],
    },
  },
};

export type OpenDataTexts = typeof openData;
