/**
 * Open data on both databases: every dataset at its stable address as CSV, JSON and Excel, the same for
 * everyone and never with a draft; and the DCAT-AP-SE catalogue at /datasets/dcat, parsed back from its
 * RDF/XML and validated offline with rdf-validate-shacl against the EU DCAT-AP 3.0.0 SHACL shapes and our
 * reading of DCAT-AP-SE's additions (data/dcat-ap/), with no blank node, absolute addresses only, and every
 * file it lists answering 200 with the media type it states.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { Parser as TurtleParser, Store, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readRepos, type AppContext } from '../../src/app/context.js';
import { resolveProgrammeId } from '../../src/app/programmes/get-programme.js';
import { createApp } from '../../src/compose-app.js';
import { goalsOf } from '../../src/domain/programme/programme.js';
import { ANONYMOUS_COOKIE, openTestApp, postForm, type TestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';
import { makePlan } from '../support/plans.js';

const ORIGIN = 'http://samverkan.example';
const CONTACT = 'oppnadata@samverkan.example';
const DATASETS = ['program', 'beslut', 'nyckeltalsvarden', 'planer', 'uppfoljning', 'kommentarer'];
const MEDIA_TYPES = {
  csv: 'text/csv',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  sh: 'http://www.w3.org/ns/shacl#',
};

// ------------------------------------------------------------------------------------------ RDF helpers

const shapesFile = (name: string) => fileURLToPath(new URL(`../../data/dcat-ap/${name}`, import.meta.url));

/** Shapes graphs are parsed once per file (the base shapes are 180 KB of Turtle). */
const shapeCache = new Map<string, Quad[]>();
function shapes(...names: string[]): Store {
  const store = new Store();
  for (const name of names) {
    let quads = shapeCache.get(name);
    if (!quads) {
      quads = new TurtleParser({ baseIRI: `https://shapes.invalid/${name}` }).parse(
        readFileSync(shapesFile(name), 'utf8'),
      );
      shapeCache.set(name, quads);
    }
    store.addQuads(quads);
  }
  return store;
}

/** The served RDF/XML parsed back into a graph with an RDF/XML parser. */
function parseRdfXml(xml: string, baseIRI: string): Promise<Store> {
  return new Promise((resolve, reject) => {
    const store = new Store();
    const parser = new RdfXmlParser({ baseIRI });
    parser.on('data', (quad: Quad) => store.addQuad(quad));
    parser.on('error', reject);
    parser.on('end', () => resolve(store));
    parser.write(xml);
    parser.end();
  });
}

interface Result {
  severity: string;
  focus: string;
  path: string;
  message: string;
  component: string;
}

async function validate(data: Store, shapeGraph: Store): Promise<{ conforms: boolean; results: Result[] }> {
  const report = await new SHACLValidator(shapeGraph).validate(data);
  return {
    conforms: report.conforms,
    results: report.results.map((r) => ({
      severity: r.severity?.value.replace(NS.sh, '') ?? '',
      focus: r.focusNode?.value ?? '',
      path: r.path?.value ?? '',
      message: r.message.map((m) => m.value).join(' '),
      component: r.sourceConstraintComponent?.value.replace(NS.sh, '') ?? '',
    })),
  };
}

/** The results, one per line, for a failure message that says what is wrong. */
const listed = (results: readonly Result[]) =>
  results.map((r) => `${r.severity} ${r.focus} ${r.path} ${r.component}: ${r.message}`).join('\n');

const objects = (store: Store, subject: string | null, predicate: string): string[] =>
  store.getObjects(subject, predicate, null).map((o) => o.value);

const subjectsOfType = (store: Store, type: string): string[] =>
  store.getSubjects(`${NS.rdf}type`, type, null).map((s) => s.value);

/**
 * A consultation on the demo's 2035 programme with one published comment (answered), one hidden and one
 * never confirmed: written straight to the repositories, as the test's own data, before any request.
 */
async function consultationWithComments(ctx: AppContext) {
  const repos = readRepos(ctx);
  const proposal = (await repos.programmes.get(await resolveProgrammeId(repos, 'sup-2035')))!;
  const goal = goalsOf(proposal)[0]!;
  const at = '2026-10-05T08:00:00.000Z';
  const consultation = (await repos.consultations.insert(
    proposal.id,
    {
      startDate: '2026-10-01',
      endDate: '2026-10-31',
      responsible: 'Testkommunen',
      description: 'Test.',
      reportsToHide: 3,
    },
    at,
  ))!;
  const comment = async (name: string, body: string, confirm: boolean) => {
    const tokenHash = `token-${name}`;
    const c = await repos.consultations.insertComment(
      {
        consultationId: consultation.id,
        part: { kind: 'goal', id: goal.id },
        displayName: name,
        email: `${name.toLowerCase()}@example.se`,
        body,
        tokenHash,
        expiresAt: '2099-01-01T00:00:00.000Z',
      },
      at,
    );
    if (confirm) await repos.consultations.confirm(tokenHash, '2026-10-05T09:00:00.000Z');
    return c;
  };
  const shown = await comment('Anneli', 'Målet borde nämna cykelvägarna.', true);
  const hidden = await comment('Bertil', 'En kommentar som döljs.', true);
  await repos.consultations.hide(hidden.id, 'Innehåller personuppgifter.', '2026-10-06T08:00:00.000Z', true);
  await comment('Cecilia', 'En kommentar som aldrig bekräftas.', false);
  await repos.consultations.insertAnswer(
    consultation.id,
    { commentId: shown.id },
    { body: 'Tack, cykelvägarna tas med i nästa version.', outcome: 'accommodated', status: 'published' },
    '2026-11-02T08:00:00.000Z',
  );
  return { goalId: goal.id };
}

// ---------------------------------------------------------------------------------------------- the tests

describe.each(testDialects)('open data on %s', (dialect) => {
  let t: TestApp;
  let draftSlug: string;
  let commentedGoal: number;

  beforeAll(async () => {
    vi.stubEnv('OPEN_DATA_CONTACT_EMAIL', CONTACT);
    t = await openTestApp(dialect);
    const res = await postForm(t.app, '/program/nytt', { from: 'sup-2035', name: 'Hemligt utkast till program' });
    draftSlug = res.headers.get('location')!.split('/')[2]!;
    await makePlan(t.ctx, { networkKey: 'planeringschefer', year: 2030, state: 'draft', title: 'Hemlig utkastplan' });
    await makePlan(t.ctx, {
      networkKey: 'klimatstrateger',
      year: 2030,
      state: 'submitted',
      title: 'Inlämnad men inte antagen plan',
    });
    commentedGoal = (await consultationWithComments(t.ctx)).goalId;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await t?.close();
  });

  const get = (path: string, cookie = ANONYMOUS_COOKIE) =>
    t.app.request(path.startsWith('http') ? path : `${ORIGIN}${path}`, { headers: { Cookie: cookie } });

  const catalogue = async (): Promise<{ xml: string; graph: Store }> => {
    const res = await get('/datasets/dcat');
    expect(res.status).toBe(200);
    const xml = await res.text();
    return { xml, graph: await parseRdfXml(xml, `${ORIGIN}/datasets/dcat`) };
  };

  describe('the files', () => {
    it.each(DATASETS)(
      '%s: CSV, JSON and Excel with the same rows, the same for the public and the signed-in',
      async (slug) => {
        const csv = await get(`/oppna-data/${slug}.csv`);
        expect(csv.status).toBe(200);
        expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
        expect(csv.headers.get('content-disposition')).toContain(`filename="${slug}.csv"`);
        expect(csv.headers.get('access-control-allow-origin')).toBe('*');
        const csvText = await csv.text();
        expect(csvText.charCodeAt(0)).not.toBe(0xfeff);

        const json = await get(`/oppna-data/${slug}.json`);
        expect(json.status).toBe(200);
        expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
        const body = (await json.json()) as {
          datamangd: string;
          licens: string | null;
          villkor: string;
          katalog: string;
          kolumner: { nyckel: string; rubrik: string }[];
          rader: Record<string, unknown>[];
        };
        expect(body.datamangd).toBe(slug);
        expect(body.katalog).toBe(`${ORIGIN}/datasets/dcat`);
        expect(body.villkor).not.toBe('');
        if (slug === 'nyckeltalsvarden' || slug === 'kommentarer') expect(body.licens).toBeNull();
        else expect(body.licens).toBe('http://creativecommons.org/publicdomain/zero/1.0/');
        expect(body.rader.length).toBeGreaterThan(0);
        // The CSV: a header row of the same columns, then one line per row (texts may hold quoted line breaks).
        expect(csvText.split('\r\n')[0]).toBe(body.kolumner.map((c) => c.rubrik).join(','));
        for (const row of body.rader) expect(Object.keys(row)).toEqual(body.kolumner.map((c) => c.nyckel));

        const xlsx = await get(`/oppna-data/${slug}.xlsx`);
        expect(xlsx.status).toBe(200);
        expect(xlsx.headers.get('content-type')).toBe(MEDIA_TYPES.xlsx);
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(await xlsx.arrayBuffer());
        const sheet = workbook.worksheets[0]!;
        expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(body.kolumner.map((c) => c.rubrik));
        // The rows, an empty row, and the terms under the table.
        expect(sheet.rowCount).toBe(body.rader.length + 3);
        expect(String(sheet.getRow(sheet.rowCount).getCell(1).value)).toContain(body.villkor);

        // A signed-in reader (who may see drafts on the pages) gets exactly the same file.
        expect(await (await get(`/oppna-data/${slug}.csv`, t.admin.cookie)).text()).toBe(csvText);
      },
    );

    it('never holds a draft programme or a plan the committee has not adopted', async () => {
      const programmes = await (await get('/oppna-data/program.csv', t.admin.cookie)).text();
      expect(programmes).toContain('sup-2035');
      expect(programmes).not.toContain(draftSlug);
      expect(programmes).not.toContain('Hemligt utkast');
      const plans = await (await get('/oppna-data/planer.csv', t.admin.cookie)).text();
      expect(plans).not.toContain('Hemlig utkastplan');
      expect(plans).not.toContain('Inlämnad men inte antagen plan');
      const body = (await (await get('/oppna-data/planer.json')).json()) as { rader: { planstatus: string }[] };
      expect(new Set(body.rader.map((r) => r.planstatus))).toEqual(new Set(['Antagen av samarbetskommittén']));
    });

    it('marks the invented example plans on every row and says so', async () => {
      for (const slug of ['planer', 'uppfoljning']) {
        const body = (await (await get(`/oppna-data/${slug}.json`)).json()) as {
          anmarkningar: string[];
          rader: { exempel: string }[];
        };
        expect(body.anmarkningar.join(' ')).toContain('påhittad');
        expect(body.rader.every((r) => r.exempel === 'ja')).toBe(true);
      }
    });

    it('leaves out the names of people', async () => {
      const plans = await (await get('/oppna-data/planer.csv')).text();
      const followUp = await (await get('/oppna-data/uppfoljning.csv')).text();
      // The demo's owners are roles ("Planeringschef, Huddinge kommun") and its reports are by "Exempeldata".
      expect(plans).not.toMatch(/Planeringschef, /);
      expect(followUp).not.toContain('Exempeldata');
    });

    it('keeps the structure of a programme and the sources of indicator values', async () => {
      const programmes = (await (await get('/oppna-data/program.json')).json()) as {
        rader: { typ: string; id: string; overordnat_id: string | null; program: string | null }[];
      };
      const ids = new Set(programmes.rader.map((r) => r.id));
      expect(ids.size).toBe(programmes.rader.length);
      for (const r of programmes.rader) if (r.overordnat_id !== null) expect(ids).toContain(r.overordnat_id);
      const types = new Set(programmes.rader.map((r) => r.typ));
      for (const type of ['Nätverk', 'Program', 'Fokusområde', 'Mål', 'Strategi']) expect(types).toContain(type);

      const values = (await (await get('/oppna-data/nyckeltalsvarden.json')).json()) as {
        rader: { kalla: string; licens: string; varde: number | null }[];
      };
      expect(values.rader.every((r) => r.kalla !== '' && r.licens !== '')).toBe(true);
      expect(values.rader.some((r) => typeof r.varde === 'number')).toBe(true);
    });

    it('holds the published comments with their published answers, and no hidden, unconfirmed or name', async () => {
      const text = await (await get('/oppna-data/kommentarer.csv')).text();
      for (const hidden of ['döljs', 'aldrig bekräftas', 'Anneli', 'Bertil', 'Cecilia', '@example.se'])
        expect(text).not.toContain(hidden);
      const body = (await (await get('/oppna-data/kommentarer.json')).json()) as {
        licens: string | null;
        rader: Record<string, unknown>[];
      };
      expect(body.licens).toBeNull();
      expect(body.rader).toHaveLength(1);
      expect(body.rader[0]).toMatchObject({
        program: 'sup-2035',
        del_id: `mal-${commentedGoal}`,
        deltyp: 'Mål',
        kommentar: 'Målet borde nämna cykelvägarna.',
        svar: 'Tack, cykelvägarna tas med i nästa version.',
        tas_om_hand: 'Tillgodoses',
      });
      // The part joins the programme dataset by its id.
      const programmes = (await (await get('/oppna-data/program.json')).json()) as { rader: { id: string }[] };
      expect(programmes.rader.map((r) => r.id)).toContain(`mal-${commentedGoal}`);
    });

    it('answers 404 for a dataset or a format that does not exist', async () => {
      for (const path of [
        '/oppna-data/hemligt.csv',
        '/oppna-data/program.pdf',
        '/oppna-data/program',
        '/oppna-data/PROGRAM.csv',
      ])
        expect((await get(path)).status, path).toBe(404);
    });
  });

  describe('the catalogue', () => {
    it('is RDF/XML that parses back, with no blank node and only absolute addresses', async () => {
      const res = await get('/datasets/dcat');
      expect(res.headers.get('content-type')).toBe('application/rdf+xml; charset=utf-8');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      const { xml, graph } = await catalogue();
      expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
      expect(xml).not.toMatch(/rdf:nodeID|rdf:parseType/);
      expect(graph.size).toBeGreaterThan(100);
      const blank = graph
        .getQuads(null, null, null, null)
        .filter((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode');
      expect(blank).toEqual([]);
      for (const q of graph.getQuads(null, null, null, null)) {
        for (const term of [q.subject, q.predicate, q.object])
          if (term.termType === 'NamedNode')
            expect(term.value, term.value).toMatch(/^(https?:\/\/[^\s]+|mailto:\S+@\S+)$/);
      }
      // Our own resources are all on the origin the visitor used.
      const ours = [
        ...subjectsOfType(graph, `${NS.dcat}Catalog`),
        ...subjectsOfType(graph, `${NS.dcat}Dataset`),
        ...subjectsOfType(graph, `${NS.dcat}Distribution`),
        ...subjectsOfType(graph, `${NS.foaf}Agent`),
        ...subjectsOfType(graph, `${NS.vcard}Kind`),
      ];
      expect(ours.length).toBeGreaterThan(DATASETS.length * 4);
      for (const iri of ours) expect(iri.startsWith(`${ORIGIN}/`), iri).toBe(true);
    });

    it('conforms to the DCAT-AP 3.0.0 SHACL shapes (base and ranges) with no result at all', async () => {
      const { graph } = await catalogue();
      const report = await validate(graph, shapes('dcat-ap-SHACL.ttl', 'range.ttl'));
      expect(report.results, listed(report.results)).toEqual([]);
      expect(report.conforms).toBe(true);
    });

    it("conforms to our reading of DCAT-AP-SE 3.0.1's additions with no result at all", async () => {
      const { graph } = await catalogue();
      const report = await validate(graph, shapes('dcat-ap-se-additions.ttl'));
      expect(report.results, listed(report.results)).toEqual([]);
      expect(report.conforms).toBe(true);
    });

    it('takes its values from the EU vocabularies: no violation, and no warning but the publisher not being an EU body', async () => {
      const { graph } = await catalogue();
      const report = await validate(graph, shapes('mdr-vocabularies.shape.ttl'));
      expect(
        report.results.filter((r) => r.severity !== 'Warning'),
        listed(report.results),
      ).toEqual([]);
      // The shapes suggest a publisher from the EU's corporate-body table, which lists EU institutions; a
      // Swedish municipal cooperation is not among them, and DCAT-AP-SE names publishers by its own IRIs.
      const publisher = `${ORIGIN}/oppna-data#utgivare`;
      expect(
        report.results.filter((r) => !(r.path === `${NS.dct}publisher` && r.component === 'NodeConstraintComponent')),
        listed(report.results),
      ).toEqual([]);
      expect(new Set(report.results.map((r) => objects(graph, r.focus, `${NS.dct}publisher`)[0]))).toEqual(
        new Set([publisher]),
      );
    });

    it('has the recommended properties, but for a place (dcterms:spatial) and a licence of ours on others’ texts and values', async () => {
      const { graph } = await catalogue();
      const report = await validate(graph, shapes('shapes_recommended.ttl'));
      expect(
        report.results.filter((r) => r.severity !== 'Warning'),
        listed(report.results),
      ).toEqual([]);
      const unexpected = report.results.filter(
        (r) =>
          r.path !== `${NS.dct}spatial` &&
          !(
            r.path === `${NS.dct}license` &&
            (r.focus.startsWith(`${ORIGIN}/oppna-data#nyckeltalsvarden-`) ||
              r.focus.startsWith(`${ORIGIN}/oppna-data#kommentarer-`))
          ),
      );
      expect(unexpected, listed(report.results)).toEqual([]);
    });

    it('names the publisher as a public body, the licence, the contact, themes, languages and dates', async () => {
      const { graph } = await catalogue();
      const [catalogueIri] = subjectsOfType(graph, `${NS.dcat}Catalog`);
      expect(catalogueIri).toBe(`${ORIGIN}/datasets/dcat`);
      expect(objects(graph, catalogueIri!, `${NS.dct}license`)).toEqual([
        'http://creativecommons.org/publicdomain/zero/1.0/',
      ]);
      expect(objects(graph, catalogueIri!, `${NS.dct}modified`)[0]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(objects(graph, catalogueIri!, `${NS.dct}language`)).toContain(
        'http://publications.europa.eu/resource/authority/language/SWE',
      );
      const [publisher] = objects(graph, catalogueIri!, `${NS.dct}publisher`);
      expect(objects(graph, publisher!, `${NS.foaf}name`)).toEqual(['Södertörnssamarbetet']);
      expect(objects(graph, publisher!, `${NS.dct}type`)).toEqual([
        'http://purl.org/adms/publishertype/LocalAuthority',
      ]);
      expect(subjectsOfType(graph, `${NS.foaf}Agent`)).toEqual([publisher]);

      const datasets = objects(graph, catalogueIri!, `${NS.dcat}dataset`);
      expect(datasets.sort()).toEqual(DATASETS.map((s) => `${ORIGIN}/oppna-data#${s}`).sort());
      for (const dataset of datasets) {
        expect(objects(graph, dataset, `${NS.dct}publisher`)).toEqual([publisher]);
        const [contact] = objects(graph, dataset, `${NS.dcat}contactPoint`);
        expect(objects(graph, contact!, `${NS.vcard}hasEmail`)).toEqual([`mailto:${CONTACT}`]);
        expect(subjectsOfType(graph, `${NS.vcard}Organization`)).toContain(contact);
        const themes = objects(graph, dataset, `${NS.dcat}theme`);
        expect(themes.length).toBeGreaterThan(0);
        for (const theme of themes)
          expect(theme).toMatch(/^http:\/\/publications\.europa\.eu\/resource\/authority\/data-theme\/[A-Z]{4}$/);
        expect(objects(graph, dataset, `${NS.dct}identifier`)[0]).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
        expect(objects(graph, dataset, `${NS.dct}modified`)).toHaveLength(1);
        for (const distribution of objects(graph, dataset, `${NS.dcat}distribution`)) {
          expect(objects(graph, distribution, `${NS.dct}format`)[0]).toMatch(
            /^http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\/(CSV|JSON|XLSX)$/,
          );
          expect(objects(graph, distribution, `${NS.dcat}mediaType`)[0]).toMatch(
            /^https:\/\/www\.iana\.org\/assignments\/media-types\//,
          );
        }
      }
    });

    it('lists files that each answer 200, to anyone, with the media type it states', async () => {
      const { graph } = await catalogue();
      const distributions = subjectsOfType(graph, `${NS.dcat}Distribution`);
      expect(distributions).toHaveLength(DATASETS.length * 3);
      for (const distribution of distributions) {
        const mediaType = objects(graph, distribution, `${NS.dcat}mediaType`)[0]!.replace(
          'https://www.iana.org/assignments/media-types/',
          '',
        );
        const urls = [
          ...objects(graph, distribution, `${NS.dcat}accessURL`),
          ...objects(graph, distribution, `${NS.dcat}downloadURL`),
        ];
        expect(urls).toHaveLength(2);
        for (const url of new Set(urls)) {
          const res = await get(url);
          expect(res.status, url).toBe(200);
          expect(res.headers.get('content-type')?.split(';')[0], url).toBe(mediaType);
        }
      }
      const [service] = subjectsOfType(graph, `${NS.dcat}DataService`);
      for (const url of objects(graph, service!, `${NS.dcat}endpointDescription`))
        expect((await get(url)).status, url).toBe(200);
    });
  });
});

describe('the catalogue without a contact address configured, and behind PUBLIC_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    vi.stubEnv('OPEN_DATA_CONTACT_EMAIL', '');
    t = await openTestApp(testDialects[0]!);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await t?.close();
  });

  it('invents none: the contact point has the about page, and the EU shapes still pass', async () => {
    const res = await t.app.request(`${ORIGIN}/datasets/dcat`, { headers: { Cookie: ANONYMOUS_COOKIE } });
    const graph = await parseRdfXml(await res.text(), `${ORIGIN}/datasets/dcat`);
    const [contact] = subjectsOfType(graph, `${NS.vcard}Kind`);
    expect(objects(graph, contact!, `${NS.vcard}hasEmail`)).toEqual([]);
    expect(objects(graph, contact!, `${NS.vcard}hasURL`)).toEqual([`${ORIGIN}/om`]);
    const report = await validate(graph, shapes('dcat-ap-SHACL.ttl', 'range.ttl'));
    expect(report.results, listed(report.results)).toEqual([]);
    // Our SE reading asks for the address, and says which node lacks it.
    const se = await validate(graph, shapes('dcat-ap-se-additions.ttl'));
    expect(se.results.map((r) => [r.focus, r.path])).toEqual([[contact, `${NS.vcard}hasEmail`]]);
  });

  it('builds every address of its own on PUBLIC_URL, whatever Host the request names', async () => {
    const app = createApp(t.ctx, { publicUrl: 'https://samverkan.kommun.se' });
    const res = await app.request('http://intern-vard:3000/datasets/dcat', { headers: { Cookie: ANONYMOUS_COOKIE } });
    const graph = await parseRdfXml(await res.text(), 'https://samverkan.kommun.se/datasets/dcat');
    const ours = graph
      .getQuads(null, null, null, null)
      .flatMap((q) => [q.subject, q.object])
      .filter((term) => term.termType === 'NamedNode' && /samverkan|intern-vard/.test(term.value))
      .map((term) => term.value);
    expect(ours.length).toBeGreaterThan(50);
    for (const iri of ours) expect(iri.startsWith('https://samverkan.kommun.se/'), iri).toBe(true);
    const json = await app.request('http://intern-vard:3000/oppna-data/program.json');
    expect(((await json.json()) as { katalog: string }).katalog).toBe('https://samverkan.kommun.se/datasets/dcat');
  });
});
