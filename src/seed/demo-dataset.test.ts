import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goalsOf, type Programme } from '../domain/programme/programme.js';
import { DEMO_DATA_FILE, keyOf, loadDemoDataset } from './demo-dataset.js';
import { SOURCE_CITATIONS_SV } from './demo-texts-sv.js';

const AT = '2026-01-01T00:00:00.000Z';
const jsonText = readFileSync(DEMO_DATA_FILE, 'utf8');
const data = loadDemoDataset(jsonText, AT);
const programme = (slug: string): Programme => {
  const p = data.programmes.find((x) => x.slug === slug);
  if (!p) throw new Error(`${slug} missing`);
  return p;
};
const decisionsOf = (slug: string) => data.decisions.filter((d) => d.programmeId === programme(slug).id);
const networkName = (id: number | null): string | undefined => (id === null ? undefined : data.networks[id - 1]?.name);
const SO_2019_NEWS =
  'Södertörnskommunerna, nyheten ”Nu är nya utvecklingsprogrammet sjösatt”, 2019-10-11 ' +
  '(sodertornskommunerna.se/arkiv/nyhetsarkiv/nyheter/2019-10-11-nu-ar-nya-utvecklingsprogrammet-sjosatt.html)';

describe('loadDemoDataset: the collaboration', () => {
  it('reads the file itself when given no text', () => {
    expect(loadDemoDataset(undefined, AT)).toEqual(data);
  });

  it('maps the collaboration, its members and comparison areas', () => {
    expect(data.collaboration).toMatchObject({
      slug: 'sodertorn',
      name: 'Södertörnssamarbetet',
      formalisedYear: 2010,
      koladaGroupId: 'G96274',
      koladaGroupTitle: 'Södertörnskommunerna (ovägt medel)',
    });
    expect(data.members).toHaveLength(8);
    expect(data.members[0]).toEqual({ code: '0126', name: 'Huddinge' });
    expect(data.comparisonAreas.map((a) => a.code)).toEqual(['0001', '0000']);
  });

  it('has the committee, the management group, and a board and a board committee per member', () => {
    expect(data.bodies).toHaveLength(2 + 2 * 8);
    expect(data.bodies.slice(0, 2).map((b) => [b.key, b.kind, b.memberCode])).toEqual([
      ['samarbetskommitten', 'committee', null],
      ['ledningsgruppen', 'management_group', null],
    ]);
    const tyreso = data.bodies.filter((b) => b.memberCode === '0138');
    expect(tyreso.map((b) => [b.key, b.kind, b.name])).toEqual([
      ['kommunstyrelse-0138', 'board', 'Kommunstyrelsen i Tyresö'],
      ['kommunstyrelsens-utskott-0138', 'board_committee', 'Kommunstyrelsens beredande utskott (Tyresö)'],
    ]);
    expect(tyreso[1]?.description).toContain('namn varierar');
    expect(data.bodies.every((b) => b.source.length > 0)).toBe(true);
  });

  it('has the five networks, Etablering Södertörn as a cooperation', () => {
    expect(data.networks.map((n) => [n.key, n.kind])).toEqual([
      ['planeringschefer', 'network'],
      ['naringslivschefer', 'network'],
      ['yh-natverket', 'network'],
      ['klimatstrateger', 'network'],
      ['etablering-sodertorn', 'cooperation'],
    ]);
  });

  it('has the four events, described in Swedish', () => {
    expect(data.events.map((e) => e.name)).toEqual([
      'Rådslaget',
      'Nyckeltalsdagen / nyckeltalskonferensen',
      'Södertörnskonferensen',
      'Planeringskonferens (samarbetskommittén)',
    ]);
    expect(data.events[0]).toMatchObject({
      when: expect.stringContaining('februari'),
      memoChange: 'Rådslaget får en ännu mer utåtriktad funktion',
    });
    expect(data.events[1]?.memoChange).toBe('nyckeltalsdagen får nytt namn och delvis ny inriktning');
  });

  it('makes keys without å, ä, ö or spaces', () => {
    expect(keyOf('Etablering Södertörn')).toBe('etablering-sodertorn');
  });
});

describe('loadDemoDataset: ids and links', () => {
  it('gives programmes 1–5 and every other row a unique id', () => {
    expect(data.programmes.map((p) => [p.id, p.slug])).toEqual([
      [1, 'sup-2013'],
      [2, 'sup-2035-proposal'],
      [3, 'sup-2035'],
      [4, 'sup-2035-rev-2021'],
      [5, 'sup-2023'],
    ]);
    const ids = [
      ...data.programmes.map((p) => p.id),
      ...data.programmes.flatMap((p) => p.perspectives.map((x) => x.id)),
      ...data.programmes.flatMap((p) => p.focusAreas.map((a) => a.id)),
      ...data.programmes.flatMap((p) => goalsOf(p).map((g) => g.id)),
      ...data.programmes.flatMap((p) => goalsOf(p).flatMap((g) => g.strategies.map((s) => s.id))),
      ...data.decisions.map((d) => d.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('links the programmes as the sources describe', () => {
    const links = data.programmes.map((p) => [p.slug, p.replacesProgrammeId, p.derivedFromProgrammeId]);
    expect(links).toEqual([
      ['sup-2013', null, null],
      ['sup-2035-proposal', 1, 1],
      ['sup-2035', 1, 2],
      ['sup-2035-rev-2021', 3, 3],
      ['sup-2023', 4, null],
    ]);
    expect(data.programmes.every((p) => p.state === 'proposed' && p.collaborationId === 1 && p.createdAt === AT)).toBe(
      true,
    );
  });

  it('gives each decision a member index + 1, its member code and its body key', () => {
    const huddinge = decisionsOf('sup-2035').find((d) => d.memberCode === '0126');
    expect(huddinge).toMatchObject({ memberId: 1, bodyId: null, bodyKey: 'kommunstyrelse-0126' });
    const nynashamn = decisionsOf('sup-2023').find((d) => d.memberCode === '0192');
    expect(nynashamn).toMatchObject({ memberId: 8, bodyKey: 'kommunstyrelse-0192' });
    for (const d of data.decisions) {
      if (d.bodyKey !== null) expect(data.bodies.map((b) => b.key)).toContain(d.bodyKey);
    }
  });
});

describe('loadDemoDataset: the programmes', () => {
  it('sup-2013: no target year, its eight "Mål 2025" in the note, strategies as published', () => {
    const p = programme('sup-2013');
    expect(p).toMatchObject({
      name: 'Södertörns utvecklingsprogram',
      targetYear: null,
      validFromYear: null,
      adoptionRule: 'all_members',
    });
    expect(p.vision).toMatch(/^Kommunerna på Södertörn är en attraktiv del/);
    expect(p.note).toContain('"Mål 2020"');
    const goalLines = p.note.split('Mål 2025:\n')[1]?.split('\n');
    expect(goalLines).toHaveLength(8);
    expect(goalLines?.[0]).toBe('Utgör de fyra regionala kärnorna på Södertörn tillväxtmotorer med specifika särdrag.');
    expect(p.focusAreas.map((a) => [a.name, a.goals.map((g) => g.strategies.length)])).toEqual([
      ['Infrastruktur', [4]],
      ['Näringsliv och högskola', [3, 3]],
      ['Olikhet och mångfald', [0]],
      ['Klimat', [0]],
    ]);
    expect(p.focusAreas[3]?.note).toBe('Strategierna finns inte med i den sparade källsidan.');
    expect(p.focusAreas[3]?.goals[0]?.note).toBe('Strategierna finns inte med i den sparade källsidan.');
    expect(goalsOf(p)[2]?.strategies[2]?.text).toMatch(/Life science\/medicin \(texten är avkortad i källan\)\.$/);
    expect(p.source.split('; ')).toHaveLength(3);
    expect(p.source).toContain('sodertornskommunerna.se/sidor/om-sodertornssamarbetet/utvecklingsprogram.html');
  });

  it('sup-2013: the memo municipality’s decision, without naming the municipality', () => {
    expect(decisionsOf('sup-2013')).toEqual([
      expect.objectContaining({
        memberId: null,
        memberCode: null,
        bodyKind: 'board',
        decided: { precision: 'exact', date: '2013-04-29' },
        paragraph: '§ 78',
        outcome: 'adopted',
        note: 'Kommunstyrelsen i den kommun som skrev tjänsteskrivelsen; kommunen namnges inte i källan.',
        source: expect.stringMatching(
          /^Tjänsteskrivelse ”Södertörns utvecklingsprogram 2035”, kommunstyrelseförvaltningens/,
        ),
      }),
    ]);
  });

  it('sup-2035-proposal: the memo’s proposal, with perspectives and stated changes but no goals', () => {
    const p = programme('sup-2035-proposal');
    expect(p).toMatchObject({ targetYear: 2035, validFromYear: 2019, validToYear: 2022, adoptionRule: 'all_members' });
    expect(p.overarchingGoal).toMatch(/^Stark infrastruktur som stödjer/);
    expect(p.focusAreas.map((a) => [a.name, a.goals.length])).toEqual([
      ['Infrastruktur', 0],
      ['Utbildning', 0],
      ['Näringsliv', 0],
      ['Funktionell samordning', 0],
    ]);
    expect(p.perspectives.map((x) => [x.name, x.description])).toEqual([
      ['Hållbar utveckling', 'Hållbar utveckling ingår i samtliga fokusområden'],
      ['Klimat', 'Klimatfrågan ska genomsyra alla målområden'],
    ]);
    expect(p.statedChanges).toHaveLength(7);
    expect(p.statedChanges).toContain('nytt målområde, funktionell samordning, införs');
    expect(p.note).toContain('ledningsgruppen');
    expect(p.note).toContain('chefsnätverken');
    expect(decisionsOf('sup-2035-proposal')).toEqual([]);
  });

  it('sup-2035: the published programme, with networks, lineage to 2013 and the proposal’s period', () => {
    const p = programme('sup-2035');
    expect(p).toMatchObject({ targetYear: 2035, validFromYear: 2019, validToYear: 2022 });
    expect(p.overarchingGoal).toBe(programme('sup-2035-proposal').overarchingGoal);
    expect(p.perspectives.map((x) => x.name)).toEqual(['Hållbar utveckling', 'Klimat']);
    expect(p.note).toContain('antagna texten');
    const goals = goalsOf(p);
    expect(goals.map((g) => [g.title, networkName(g.networkId)])).toEqual([
      ['Utnyttja den nya infrastrukturen', 'Planeringschefer'],
      ['Stödja ett kunskapsintensivt näringsliv', 'Näringslivschefer'],
      ['Höj utbildningsnivån på Södertörn', 'YH-nätverket'],
      ['Nyttja tillgänglig kompetens i tillväxtsyfte', 'Etablering Södertörn'],
      ['Leda omställningen till ett klimateffektivt samhälle', 'Klimatstrateger'],
    ]);
    expect(p.focusAreas.map((a) => networkName(a.networkId))).toEqual([
      'Planeringschefer',
      undefined,
      'Etablering Södertörn',
      'Klimatstrateger',
    ]);
    expect(goals.every((g) => Object.keys(g.statements).length === 0)).toBe(true);

    const earlier = goalsOf(programme('sup-2013'));
    for (const g of goals) {
      expect(g.predecessorGoalIds).toEqual(earlier.filter((e) => e.title === g.title).map((e) => e.id));
      expect(g.predecessorGoalIds).toHaveLength(1);
    }
  });

  it('sup-2035: adopted by all eight boards on or before 2019-10-11', () => {
    const decisions = decisionsOf('sup-2035');
    expect(decisions.map((d) => d.memberId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const d of decisions) {
      expect(d).toMatchObject({
        bodyKind: 'board',
        decided: { precision: 'on_or_before', date: '2019-10-11' },
        paragraph: '',
        outcome: 'adopted',
        source: SO_2019_NEWS,
      });
    }
  });

  it('sup-2035-rev-2021: the committee’s adjustment, lineage only for identical titles', () => {
    const p = programme('sup-2035-rev-2021');
    expect(p).toMatchObject({
      adoptionRule: 'committee',
      targetYear: 2035,
      validFromYear: null,
      validToYear: null,
      perspectives: [],
    });
    expect(p.focusAreas.map((a) => a.name)).toEqual([
      'Infrastruktur',
      'Näringsliv och högskola',
      'Funktionell samordning',
    ]);
    const goals = goalsOf(p);
    expect(goals.map((g) => g.predecessorGoalIds.length)).toEqual([0, 0, 0, 1]);
    expect(goals[3]?.predecessorGoalIds).toEqual([goalsOf(programme('sup-2035'))[4]?.id]);
    expect(networkName(goals[3]?.networkId ?? null)).toBe('Klimatstrateger');
    expect(decisionsOf('sup-2035-rev-2021')).toEqual([
      expect.objectContaining({
        memberId: null,
        bodyKind: 'committee',
        bodyKey: 'samarbetskommitten',
        decided: { precision: 'exact', date: '2021-01-14' },
        outcome: 'adopted',
        note: 'Justering av utvecklingsprogrammet.',
        source: expect.stringContaining('uppdaterad 2022-05-30'),
      }),
    ]);
  });

  it('sup-2023: adopted by every board on unknown dates, goal texts not captured', () => {
    const p = programme('sup-2023');
    expect(p).toMatchObject({ name: 'Södertörns utvecklingsprogram (2023)', focusAreas: [], targetYear: null });
    expect(p.note).toBe(
      'Skrevs 2022–våren 2023 med stöd av konsulter; fokus på ett hållbart och tillgängligt transportsystem. Målens texter finns inte i källan.',
    );
    const decisions = decisionsOf('sup-2023');
    expect(decisions).toHaveLength(8);
    expect(
      decisions.every(
        (d) =>
          d.decided.precision === 'unknown' &&
          d.source ===
            'Governo, artikeln ”Nytt utvecklingsprogram för Södertörnssamverkan” (governo.se/nytt-utvecklingsprogram-for-sodertornssamverkan/)',
      ),
    ).toBe(true);
  });
});

describe('loadDemoDataset: how sources are cited', () => {
  const raw = JSON.parse(jsonText) as { sources: Record<string, string> };

  it('cites every source of the shipped file in Swedish, as the document or page it is', () => {
    expect(Object.keys(SOURCE_CITATIONS_SV).sort()).toEqual(Object.keys(raw.sources).sort());
  });

  it('cites the memo by its title and the body it was written for, never by a path of the reference material', () => {
    const cited = [
      data.collaboration.source,
      ...data.bodies.map((b) => b.source),
      ...data.programmes.map((p) => p.source),
      ...data.decisions.map((d) => d.source),
    ];
    for (const source of cited) expect(source).not.toMatch(/shared\/|\.txt|OCR text|the adoption memo/);
    expect(data.collaboration.source).toContain(
      'Tjänsteskrivelse ”Södertörns utvecklingsprogram 2035”, kommunstyrelseförvaltningens förslag till ' +
        'kommunledningsutskottet för beslut i kommunstyrelsen',
    );
  });
});

describe('loadDemoDataset: a broken file', () => {
  it('fails on an unknown source key or network', () => {
    const broken = JSON.parse(jsonText) as {
      programmes: Array<{ source: string[] }>;
      collaboration: { networks: unknown[] };
    };
    broken.programmes[0]?.source.push('nowhere');
    expect(() => loadDemoDataset(JSON.stringify(broken), AT)).toThrow(/okänd källa: nowhere/);

    const noNetworks = JSON.parse(jsonText) as { collaboration: { networks: unknown[] } };
    noNetworks.collaboration.networks = [];
    expect(() => loadDemoDataset(JSON.stringify(noNetworks), AT)).toThrow(/okänt nätverk/);
  });

  it('fails on a file of the wrong shape', () => {
    expect(() => loadDemoDataset('{}', AT)).toThrow(/fel form/);
  });
});
