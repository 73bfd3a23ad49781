/**
 * A document that uses every kind of block, with Swedish letters everywhere, for the renderers' tests.
 * Its content is written for the tests (it says so in its notice) and is never shown as fact.
 */
import type { DocumentModel } from '../../src/documents/document-model.js';

const chart = `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="t d" viewBox="0 0 200 100" width="200" height="100"><title id="t">Andel i procent per år</title><desc id="d">Staplar för 2019 och 2020.</desc><rect x="20" y="40" width="60" height="60" fill="#1f5b8f"/><rect x="120" y="20" width="60" height="80" fill="#1f5b8f"/></svg>`;

export function sampleDocument(overrides: Partial<DocumentModel> = {}): DocumentModel {
  return {
    kind: 'memo',
    title: 'Förslag till Södertörns utvecklingsprogram 2035',
    subtitle: 'Kommunledningsutskottet, för beslut i kommunstyrelsen',
    issuer: 'Haninge kommun',
    documentType: 'Tjänsteskrivelse',
    date: '2026-11-27',
    fileName: 'provdokument-2026-11-27',
    header: [
      { term: 'Datum', value: '2026-11-27' },
      { term: 'Diarienummer', value: [{ text: 'diarienummer', placeholder: true }] },
    ],
    blocks: [
      {
        kind: 'notice',
        text: 'Provdokument för testerna: innehållet är skrivet för dem och är inga uppgifter om verkligheten.',
      },
      { kind: 'contents' },
      { kind: 'heading', level: 2, text: 'Förslag till beslut', id: 'forslag-till-beslut' },
      {
        kind: 'list',
        ordered: true,
        items: [
          'Förslag till Södertörns utvecklingsprogram 2035 godkänns.',
          [
            'Programmet ersätter motsvarande program som godkändes av kommunstyrelsen ',
            { text: 'datum och paragraf', placeholder: true },
            '.',
          ],
        ],
      },
      { kind: 'heading', level: 2, text: 'Sammanfattning', id: 'sammanfattning' },
      {
        kind: 'paragraph',
        content: 'Södertörnskommunerna samverkar för en hållbar och växande region.',
        style: 'lead',
      },
      {
        kind: 'paragraph',
        content: [
          'Läs mer på ',
          { text: 'sodertorn.se', href: 'https://www.sodertorn.se/' },
          ' om ',
          { text: 'åtta', strong: true },
          ' kommuner.',
        ],
      },
      { kind: 'heading', level: 3, text: 'Fokusområden och mål', id: 'fokusomraden' },
      { kind: 'list', ordered: false, items: ['Ökad sysselsättning', 'Hållbar tillväxt', 'Trygghet för äldre'] },
      { kind: 'heading', level: 4, text: 'Mål 1: Öka företagandet' },
      {
        kind: 'facts',
        items: [
          { term: 'Ansvarigt nätverk', value: 'Näringslivschefer' },
          { term: 'Målår', value: '2035' },
        ],
      },
      {
        kind: 'table',
        caption: 'Invånare per kommun, 2014',
        head: ['Kommun', 'Invånare', 'Förändring, %'],
        rows: [
          ['Huddinge', '104 000', '1,8'],
          ['Södertälje', '91 000', '−0,4'],
        ],
        numericColumns: [1, 2],
        rowHeaders: true,
      },
      { kind: 'pageBreak' },
      { kind: 'heading', level: 2, text: 'Utfall', id: 'utfall' },
      {
        kind: 'figure',
        svg: chart,
        alt: 'Andelen ökade från 41,5 till 52,0 procent mellan 2019 och 2020.',
        caption: 'Figur 1. Andel i procent, 2019–2020',
        table: {
          kind: 'table',
          caption: 'Andel i procent per år (tabellen till figur 1)',
          head: ['År', 'Andel, %'],
          rows: [
            ['2019', '41,5'],
            ['2020', '52,0'],
          ],
          numericColumns: [1],
          rowHeaders: true,
        },
      },
      { kind: 'paragraph', content: 'Uppgifterna är hämtade ur Kolada.', style: 'note' },
      {
        kind: 'signatures',
        people: [
          { name: [{ text: 'namn', placeholder: true }], title: 'Kommundirektör' },
          { name: [{ text: 'namn', placeholder: true }], title: 'Utvecklingsstrateg' },
        ],
      },
    ],
    sources: ['Kolada (RKA), nyckeltal N00914, hämtat 2026-11-27.', 'Södertörns utvecklingsprogram 2035, förslag.'],
    ...overrides,
  };
}

/** The sample stretched to about `pages` A4 pages, for the speed measurements. */
export function longSampleDocument(pages: number): DocumentModel {
  const base = sampleDocument();
  const rows = Array.from({ length: 24 }, (_, i) => [
    `Rad ${i + 1} för Södertälje`,
    `${(i * 1234.5).toFixed(1).replace('.', ',')}`,
  ]);
  const blocks = Array.from({ length: pages }, (_, page) => [
    {
      kind: 'heading' as const,
      level: 2 as const,
      text: `Avsnitt ${page + 1}: Ökad tillväxt i Södertörn`,
      id: `avsnitt-${page + 1}`,
    },
    {
      kind: 'paragraph' as const,
      content:
        'Södertörnskommunerna arbetar tillsammans med näringsliv, högskolor och region för att öka sysselsättningen. '.repeat(
          6,
        ),
    },
    {
      kind: 'table' as const,
      caption: `Tabell ${page + 1}: värden per rad`,
      head: ['Rad', 'Värde'],
      rows,
      numericColumns: [1],
      rowHeaders: true,
    },
  ]).flat();
  return { ...base, blocks: [...base.blocks, ...blocks] };
}
