import { describe, expect, it } from 'vitest';
import { loadDemoDataset } from '../../seed/demo-dataset.js';
import { diffProgrammes, isDiffEmpty, renderDiffSv, type GoalMatch, type ProgrammeDiff } from './programme-diff.js';
import type { FocusArea, Goal, Programme } from './programme.js';

const data = loadDemoDataset(undefined, '2026-01-01T00:00:00.000Z');
const real = (slug: string): Programme => {
  const p = data.programmes.find((x) => x.slug === slug);
  if (!p) throw new Error(`${slug} missing from the demo data`);
  return p;
};

const matchOf = (diff: ProgrammeDiff, toTitle: string): GoalMatch | undefined =>
  diff.goals.matched.find((m) => m.to.title === toTitle);
const texts = (items: Array<{ text: string }>): string[] => items.map((i) => i.text);

// --- small synthetic programmes -------------------------------------------------------------------

let nextId = 1000;
type GoalSpec = {
  title: string;
  networkId?: number;
  strategies?: string[];
  predecessorGoalIds?: number[];
  id?: number;
};

function area(name: string, goals: GoalSpec[], networkId: number | null = null): FocusArea {
  const id = nextId++;
  return {
    id,
    position: 0,
    name,
    description: '',
    networkId,
    note: '',
    goals: goals.map((g, position): Goal => ({
      id: g.id ?? nextId++,
      focusAreaId: id,
      position,
      title: g.title,
      description: '',
      networkId: g.networkId ?? null,
      statements: {},
      predecessorGoalIds: g.predecessorGoalIds ?? [],
      strategies: (g.strategies ?? []).map((text, i) => ({ id: nextId++, position: i, text })),
      note: '',
    })),
  };
}

function programme(focusAreas: FocusArea[], fields: Partial<Programme> = {}): Programme {
  return {
    ...real('sup-2035'),
    id: nextId++,
    perspectives: [],
    vision: '',
    overarchingGoal: '',
    targetYear: 2035,
    validFromYear: null,
    validToYear: null,
    focusAreas,
    ...fields,
  };
}

// --- the real programmes ---------------------------------------------------------------------------

describe('diffProgrammes 2013 → 2035', () => {
  const diff = diffProgrammes(real('sup-2013'), real('sup-2035'));

  it('keeps every focus area and every goal, matched through recorded lineage', () => {
    expect(diff.focusAreas).toMatchObject({ added: [], removed: [], renamed: [] });
    expect(diff.goals.added).toEqual([]);
    expect(diff.goals.removed).toEqual([]);
    expect(diff.goals.matched.map((m) => [m.to.title, m.basis, m.reworded, m.moved])).toEqual([
      ['Utnyttja den nya infrastrukturen', 'lineage', false, false],
      ['Stödja ett kunskapsintensivt näringsliv', 'lineage', false, false],
      ['Höj utbildningsnivån på Södertörn', 'lineage', false, false],
      ['Nyttja tillgänglig kompetens i tillväxtsyfte', 'lineage', false, false],
      ['Leda omställningen till ett klimateffektivt samhälle', 'lineage', false, false],
    ]);
  });

  it('finds reworded, added and removed strategies within the unchanged goals', () => {
    const infra = matchOf(diff, 'Utnyttja den nya infrastrukturen')?.strategies;
    expect(infra?.reworded.map((r) => [r.from.text, r.to.text])).toEqual([
      [
        'Vi verkar för en snabbare och tätare kollektivtrafik till och mellan de regionala stadskärnorna.',
        'Vi verkar och planerar för en snabbare och tätare kollektivtrafik till och mellan de regionala stadskärnorna.',
      ],
    ]);
    expect(infra?.added).toHaveLength(2);
    expect(infra?.removed).toHaveLength(3);

    const business = matchOf(diff, 'Stödja ett kunskapsintensivt näringsliv')?.strategies;
    expect(business?.reworded.map((r) => r.to.text)).toEqual(['Vi förbättrar företagsklimatet på Södertörn.']);

    const education = matchOf(diff, 'Höj utbildningsnivån på Södertörn')?.strategies;
    expect(education).toMatchObject({ reworded: [] });
    expect(education?.added).toHaveLength(2);
    expect(education?.removed).toHaveLength(3);
  });

  it('keeps the goals of "Olikhet och mångfald" and "Klimat", each gaining its first strategy', () => {
    const diversity = matchOf(diff, 'Nyttja tillgänglig kompetens i tillväxtsyfte');
    expect(diversity).toMatchObject({
      from: { focusAreaName: 'Olikhet och mångfald' },
      to: { focusAreaName: 'Olikhet och mångfald' },
    });
    expect(texts(diversity?.strategies.added ?? [])).toEqual([
      'Vi arbetar för att utveckla och säkerställa likvärdig etablering för alla nyanlända.',
    ]);

    const climate = matchOf(diff, 'Leda omställningen till ett klimateffektivt samhälle');
    expect(climate).toMatchObject({ from: { focusAreaName: 'Klimat' }, to: { focusAreaName: 'Klimat' }, moved: false });
    expect(texts(climate?.strategies.added ?? [])).toEqual([
      'Vi bidrar till långsiktig minskning av CO2-utsläpp från resor och transporter inom Södertörn.',
    ]);
    expect(climate?.strategies.removed).toEqual([]);
  });

  it('reports the programme-level changes', () => {
    expect(diff.targetYear).toEqual({ from: null, to: 2035 });
    expect(diff.validity).toEqual({ from: { fromYear: null, toYear: null }, to: { fromYear: 2019, toYear: 2022 } });
    expect(diff.perspectives.added.map((p) => p.name)).toEqual(['Hållbar utveckling', 'Klimat']);
    expect(diff.overarchingGoal?.from).toBe('');
  });
});

describe('diffProgrammes 2035 → 2021 adjustment', () => {
  const diff = diffProgrammes(real('sup-2035'), real('sup-2035-rev-2021'));

  it('removes "Klimat" and "Olikhet och mångfald" and adds "Funktionell samordning"', () => {
    expect(diff.focusAreas.removed.map((a) => a.name)).toEqual(['Olikhet och mångfald', 'Klimat']);
    expect(diff.focusAreas.added.map((a) => a.name)).toEqual(['Funktionell samordning']);
    expect(diff.focusAreas.renamed).toEqual([]);
  });

  it('moves the climate goal from Klimat to Funktionell samordning', () => {
    expect(matchOf(diff, 'Leda omställningen till ett klimateffektivt samhälle')).toMatchObject({
      basis: 'lineage',
      reworded: false,
      moved: true,
      from: { focusAreaName: 'Klimat' },
      to: { focusAreaName: 'Funktionell samordning' },
      strategies: { added: [], removed: [], reworded: [] },
    });
  });

  it('rewords the infrastructure, business and education goals, matched through their networks', () => {
    expect(
      diff.goals.matched
        .filter((m) => m.basis === 'same_network')
        .map((m) => [m.from.title, m.to.title, m.reworded, m.moved]),
    ).toEqual([
      [
        'Utnyttja den nya infrastrukturen',
        'Stark infrastruktur är en förutsättning för hållbar utveckling',
        true,
        false,
      ],
      ['Stödja ett kunskapsintensivt näringsliv', 'Södertörn är det självklara valet för företagen', true, false],
      [
        'Höj utbildningsnivån på Södertörn',
        'Akademisk utbildning som säkrar framtida kompetensförsörjning',
        true,
        false,
      ],
    ]);
  });

  it('removes "Nyttja tillgänglig kompetens i tillväxtsyfte" and adds no goal', () => {
    expect(diff.goals.removed.map((g) => g.title)).toEqual(['Nyttja tillgänglig kompetens i tillväxtsyfte']);
    expect(diff.goals.added).toEqual([]);
  });

  it('renders the memo list line by line', () => {
    const lines = renderDiffSv(diff);
    expect(lines.slice(0, 8)).toEqual([
      'nytt fokusområde, Funktionell samordning, införs',
      'fokusområdet Olikhet och mångfald utgår',
      'fokusområdet Klimat utgår',
      'målet ”Utnyttja den nya infrastrukturen” formuleras om till ”Stark infrastruktur är en förutsättning för hållbar utveckling” (matchat via samma chefsnätverk)',
      'målet ”Stödja ett kunskapsintensivt näringsliv” formuleras om till ”Södertörn är det självklara valet för företagen” (matchat via samma chefsnätverk)',
      'målet ”Höj utbildningsnivån på Södertörn” formuleras om till ”Akademisk utbildning som säkrar framtida kompetensförsörjning” (matchat via samma chefsnätverk)',
      'målet ”Leda omställningen till ett klimateffektivt samhälle” flyttas från Klimat till Funktionell samordning',
      'målet ”Nyttja tillgänglig kompetens i tillväxtsyfte” i Olikhet och mångfald utgår',
    ]);
    expect(lines[8]).toBe(
      'ny strategi i målet ”Stark infrastruktur är en förutsättning för hållbar utveckling”: ”Utifrån framkomlighet och minskad klimatpåverkan från resor och transporter.”',
    );
    expect(lines).toContain(
      'strategin ”Vi förbättrar företagsklimatet på Södertörn.” utgår ur målet ”Södertörn är det självklara valet för företagen”',
    );
    // 3 + 3 infrastructure, 3 + 3 business, 2 + 2 education strategies; the climate goal's is unchanged.
    expect(lines.filter((l) => l.startsWith('ny strategi') || l.startsWith('strategin'))).toHaveLength(16);
    // The adjustment's source states no overarching goal, validity or perspectives.
    expect(lines.slice(-4)).toEqual([
      'det övergripande målet anges inte i den nya versionen',
      'giltighetsperioden 2019–2022 anges inte längre',
      'det tvärgående perspektivet Hållbar utveckling anges inte i den nya versionen',
      'det tvärgående perspektivet Klimat anges inte i den nya versionen',
    ]);
    for (const line of lines) expect(line).toMatch(/^[a-zåäö]/);
  });
});

describe('diffProgrammes of a programme with itself', () => {
  it.each(['sup-2013', 'sup-2035', 'sup-2035-rev-2021', 'sup-2023'])('is empty for %s', (slug) => {
    const diff = diffProgrammes(real(slug), real(slug));
    expect(isDiffEmpty(diff)).toBe(true);
    expect(renderDiffSv(diff)).toEqual([]);
  });
});

// --- matching rules on small programmes -----------------------------------------------------------

describe('diffProgrammes matching', () => {
  it('matches focus areas ignoring case and punctuation, then by similarity, and reports renames', () => {
    const from = programme([area('Näringsliv', []), area('Klimat', []), area('Infrastruktur', [])]);
    const to = programme([
      area('näringsliv och högskola', []),
      area('Infrastruktur.', []),
      area('Funktionell samordning', []),
    ]);
    const diff = diffProgrammes(from, to);
    expect(diff.focusAreas.renamed.map((m) => [m.from.name, m.to.name, m.similarity === 1])).toEqual([
      ['Näringsliv', 'näringsliv och högskola', false],
      ['Infrastruktur', 'Infrastruktur.', true],
    ]);
    expect(renderDiffSv(diff)).toEqual([
      'nytt fokusområde, Funktionell samordning, införs',
      'fokusområdet Klimat utgår',
      'fokusområdet Näringsliv byter namn till näringsliv och högskola',
      'fokusområdet Infrastruktur byter namn till Infrastruktur.',
    ]);
  });

  it('prefers recorded lineage over an identical title elsewhere', () => {
    const from = programme([
      area('A', [
        { id: 1, title: 'Gamla målet' },
        { id: 2, title: 'Nya målet' },
      ]),
    ]);
    const to = programme([area('A', [{ title: 'Nya målet', predecessorGoalIds: [1] }])]);
    const diff = diffProgrammes(from, to);
    expect(diff.goals.matched.map((m) => [m.from.id, m.basis])).toEqual([[1, 'lineage']]);
    expect(diff.goals.removed.map((g) => g.id)).toEqual([2]);
    // Lineage explains itself: no parenthesis.
    expect(renderDiffSv(diff)).toContain('målet ”Gamla målet” formuleras om till ”Nya målet”');
  });

  it('matches reworded goals by similar text and says how alike they are', () => {
    const from = programme([
      area('Infrastruktur', [
        { title: 'Utnyttja den nya infrastrukturen', strategies: ['Vi verkar för tätare kollektivtrafik.'] },
      ]),
    ]);
    const to = programme([
      area('Infrastruktur', [
        { title: 'Utnyttja den nya infrastrukturen bättre', strategies: ['Vi verkar för tätare kollektivtrafik.'] },
      ]),
    ]);
    const diff = diffProgrammes(from, to);
    const [match] = diff.goals.matched;
    expect(match?.basis).toBe('similar_text');
    expect(match?.similarity).toBeGreaterThan(0.5);
    expect(renderDiffSv(diff)).toEqual([
      `målet ”Utnyttja den nya infrastrukturen” formuleras om till ”Utnyttja den nya infrastrukturen bättre” (matchat via liknande formulering, likhet ${Math.round((match?.similarity ?? 0) * 100)} %)`,
    ]);
  });

  it('pairs the only remaining goals of matched focus areas, and leaves the rest added and removed', () => {
    const from = programme([
      area('Utbildning', [{ title: 'Höj utbildningsnivån' }]),
      area('Kultur', [{ title: 'Fler besökare' }, { title: 'Fler föreningar' }]),
    ]);
    const to = programme([
      area('Utbildning', [{ title: 'Akademisk utbildning för framtiden' }]),
      area('Kultur', [{ title: 'Levande kulturliv' }]),
    ]);
    const diff = diffProgrammes(from, to);
    expect(diff.goals.matched.map((m) => [m.from.title, m.basis])).toEqual([['Höj utbildningsnivån', 'same_area']]);
    expect(diff.goals.removed.map((g) => g.title)).toEqual(['Fler besökare', 'Fler föreningar']);
    expect(renderDiffSv(diff)).toEqual([
      'målet ”Höj utbildningsnivån” formuleras om till ”Akademisk utbildning för framtiden” (matchat som enda kvarvarande mål i fokusområdet)',
      'nytt mål i Kultur: ”Levande kulturliv”',
      'målet ”Fler besökare” i Kultur utgår',
      'målet ”Fler föreningar” i Kultur utgår',
    ]);
  });

  it('does not pair by network when a network owns several unmatched goals', () => {
    const from = programme([
      area('A', [
        { title: 'Ett', networkId: 7 },
        { title: 'Två', networkId: 7 },
      ]),
    ]);
    const to = programme([area('B', [{ title: 'Tre', networkId: 7 }])]);
    const diff = diffProgrammes(from, to);
    expect(diff.goals.matched).toEqual([]);
    expect(diff.goals.added.map((g) => g.title)).toEqual(['Tre']);
  });

  it('reports a goal both reworded and moved in one line', () => {
    const from = programme([area('Klimat', [{ title: 'Minska utsläppen', networkId: 4 }]), area('Infrastruktur', [])]);
    const to = programme([area('Infrastruktur', [{ title: 'Klimatneutral kommun 2030', networkId: 4 }])]);
    expect(renderDiffSv(diffProgrammes(from, to))).toEqual([
      'fokusområdet Klimat utgår',
      'målet ”Minska utsläppen” formuleras om till ”Klimatneutral kommun 2030” och flyttas från Klimat till Infrastruktur (matchat via samma chefsnätverk)',
    ]);
  });

  it('renders strategy and programme-level changes after the goals', () => {
    const from = programme(
      [
        area('A', [
          { title: 'Målet', strategies: ['Vi förbättrar näringslivsklimatet på Södertörn.', 'Vi utreder behoven.'] },
        ]),
      ],
      {
        vision: 'En gammal vision.',
        targetYear: 2025,
        validFromYear: 2019,
        validToYear: 2022,
      },
    );
    const to = programme(
      [area('A', [{ title: 'Målet', strategies: ['Vi förbättrar företagsklimatet på Södertörn.', 'Vi samverkar.'] }])],
      {
        vision: 'En ny vision.',
        overarchingGoal: 'Stark infrastruktur.',
        targetYear: 2035,
        validFromYear: 2023,
        validToYear: 2026,
        perspectives: [{ id: 1, position: 0, name: 'Klimat', description: '' }],
      },
    );
    expect(renderDiffSv(diffProgrammes(from, to))).toEqual([
      'strategin ”Vi förbättrar näringslivsklimatet på Södertörn.” formuleras om till ”Vi förbättrar företagsklimatet på Södertörn.” i målet ”Målet”',
      'ny strategi i målet ”Målet”: ”Vi samverkar.”',
      'strategin ”Vi utreder behoven.” utgår ur målet ”Målet”',
      'visionen formuleras om till ”En ny vision.”',
      'ett övergripande mål införs: ”Stark infrastruktur.”',
      'målåret ändras från 2025 till 2035',
      'giltighetsperioden ändras från 2019–2022 till 2023–2026',
      'nytt tvärgående perspektiv, Klimat, införs',
    ]);
  });
});
