import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GROUP_FIGURE_LABELS_SV, groupFigureExplanationSv, groupFigures, type GroupFigure } from './group-figures.js';

// The eight Södertörn municipalities (Kolada codes).
const NAMES: Record<string, string> = {
  '0127': 'Botkyrka',
  '0128': 'Salem',
  '0136': 'Haninge',
  '0126': 'Huddinge',
  '0138': 'Tyresö',
  '0140': 'Nykvarn',
  '0181': 'Södertälje',
  '0192': 'Nynäshamn',
};
const MEMBERS = Object.keys(NAMES);
const nameOf = (code: string) => NAMES[code] ?? code;

const byKind = (figures: GroupFigure[], kind: GroupFigure['kind']) => figures.find((f) => f.kind === kind)!;

describe('groupFigures', () => {
  it('gives the unweighted and the weighted mean for a share, over the members that have values', () => {
    // Share with ≥ 3 years of post-secondary education 2014, and a made-up population weight.
    const figures = groupFigures({
      aggregation: 'mean',
      memberCodes: ['0126', '0136', '0140'],
      values: new Map([
        ['0126', 26.62],
        ['0136', 16.69],
        ['0140', null],
      ]),
      weights: new Map([
        ['0126', 60_000],
        ['0136', 45_000],
        ['0140', 6_000],
      ]),
    });
    expect(figures.map((f) => f.kind)).toEqual(['unweighted_mean', 'weighted_mean']);
    const unweighted = byKind(figures, 'unweighted_mean');
    expect(unweighted.value).toBeCloseTo((26.62 + 16.69) / 2, 12);
    expect(unweighted.present).toEqual(['0126', '0136']);
    expect(unweighted.missing).toEqual(['0140']);
    expect(byKind(figures, 'weighted_mean').value).toBeCloseTo((26.62 * 60 + 16.69 * 45) / 105, 12);
  });

  it('forms the weighted mean only when weights are given, and only over members with a positive weight', () => {
    expect(groupFigures({ aggregation: 'mean', memberCodes: MEMBERS, values: new Map() }).map((f) => f.kind)).toEqual([
      'unweighted_mean',
    ]);
    const weighted = byKind(
      groupFigures({
        aggregation: 'mean',
        memberCodes: ['a', 'b', 'c', 'd'],
        values: new Map([
          ['a', 10],
          ['b', 20],
          ['c', 30],
          ['d', 40],
        ]),
        weights: new Map([
          ['a', 1],
          ['b', 0],
          ['c', null],
        ]),
      }),
      'weighted_mean',
    );
    expect(weighted).toEqual({ kind: 'weighted_mean', value: 10, present: ['a'], missing: ['b', 'c', 'd'] });
  });

  it('reads null as missing, never as 0, and gives null when no member has a value', () => {
    const [mean] = groupFigures({
      aggregation: 'mean',
      memberCodes: ['a', 'b'],
      values: new Map([
        ['a', 10],
        ['b', null],
      ]),
    });
    expect(mean!.value).toBe(10);
    const figures = groupFigures({
      aggregation: 'mean',
      memberCodes: ['a', 'b'],
      values: new Map([['a', null]]),
      weights: new Map([['a', 5]]),
    });
    expect(figures.map((f) => f.value)).toEqual([null, null]);
    expect(figures[0]!.missing).toEqual(['a', 'b']);
  });

  it('sums a count only when every member has a value, and names the missing ones', () => {
    const all = groupFigures({
      aggregation: 'sum',
      memberCodes: ['a', 'b', 'c'],
      values: new Map([
        ['a', 1],
        ['b', 2],
        ['c', 0],
      ]),
    });
    expect(all).toEqual([{ kind: 'sum', value: 3, present: ['a', 'b', 'c'], missing: [] }]);
    const partial = groupFigures({
      aggregation: 'sum',
      memberCodes: ['a', 'b', 'c'],
      values: new Map([
        ['a', 1],
        ['b', null],
      ]),
    });
    expect(partial).toEqual([{ kind: 'sum', value: null, present: ['a'], missing: ['b', 'c'] }]);
    expect(groupFigures({ aggregation: 'sum', memberCodes: [], values: new Map() })[0]!.value).toBeNull();
  });

  it('counts a member listed twice once', () => {
    const [sum] = groupFigures({ aggregation: 'sum', memberCodes: ['a', 'a'], values: new Map([['a', 4]]) });
    expect(sum).toEqual({ kind: 'sum', value: 4, present: ['a'], missing: [] });
  });
});

describe('groupFigures: properties', () => {
  const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  const weight = fc.double({ min: 1e-3, max: 1e7, noNaN: true });
  /** Members with a value (possibly null) and a weight (possibly null or 0). */
  const members = fc.uniqueArray(
    fc.record({
      code: fc.string({ minLength: 1, maxLength: 4 }),
      value: fc.option(value, { nil: null }),
      weight: fc.oneof(weight, fc.constant(0), fc.constant(null)),
    }),
    { selector: (m) => m.code, maxLength: 12 },
  );
  type Member = { code: string; value: number | null; weight: number | null };
  const input = (ms: Member[], aggregation: 'mean' | 'sum' = 'mean') => ({
    aggregation,
    memberCodes: ms.map((m) => m.code),
    values: new Map(ms.map((m) => [m.code, m.value])),
    weights: new Map(ms.map((m) => [m.code, m.weight])),
  });
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

  it('puts both means between the smallest and the largest value they are formed from', () => {
    fc.assert(
      fc.property(members, (ms) => {
        for (const figure of groupFigures(input(ms))) {
          const xs = figure.present.map((c) => ms.find((m) => m.code === c)!.value!);
          if (xs.length === 0) expect(figure.value).toBeNull();
          else {
            expect(figure.value).toBeGreaterThanOrEqual(Math.min(...xs));
            expect(figure.value).toBeLessThanOrEqual(Math.max(...xs));
          }
        }
      }),
    );
  });

  it('gives the unweighted mean when all weights are equal', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 12 }), weight, (xs, w) => {
        const ms = xs.map((x, i) => ({ code: `k${i}`, value: x, weight: w }));
        const [unweighted, weighted] = groupFigures(input(ms));
        expect(close(weighted!.value!, unweighted!.value!)).toBe(true);
        expect(close(unweighted!.value!, xs.reduce((s, x) => s + x, 0) / xs.length)).toBe(true);
      }),
    );
  });

  it('does not depend on the order of the members', () => {
    fc.assert(
      fc.property(
        members.chain((ms) => fc.tuple(fc.constant(ms), fc.shuffledSubarray(ms, { minLength: ms.length }))),
        ([ms, shuffled]) => {
          for (const aggregation of ['mean', 'sum'] as const) {
            const a = groupFigures(input(ms, aggregation));
            const b = groupFigures(input(shuffled, aggregation));
            a.forEach((fa, i) => {
              const fb = b[i]!;
              expect(fb.kind).toBe(fa.kind);
              expect(new Set(fb.present)).toEqual(new Set(fa.present));
              expect(new Set(fb.missing)).toEqual(new Set(fa.missing));
              if (fa.value === null) expect(fb.value).toBeNull();
              else expect(close(fb.value!, fa.value)).toBe(true);
            });
          }
        },
      ),
    );
  });

  it('sums the values when every member has one, and is null otherwise', () => {
    fc.assert(
      fc.property(members, (ms) => {
        const [sum] = groupFigures(input(ms, 'sum'));
        expect(sum!.present.length + sum!.missing.length).toBe(ms.length);
        if (ms.length > 0 && ms.every((m) => m.value !== null)) {
          expect(sum!.value).toBe(ms.reduce((s, m) => s + m.value!, 0));
          expect(sum!.missing).toEqual([]);
        } else {
          expect(sum!.value).toBeNull();
          expect(sum!.missing).toEqual(ms.filter((m) => m.value === null).map((m) => m.code));
        }
      }),
    );
  });
});

describe('groupFigureExplanationSv', () => {
  const eight = (values: Record<string, number | null>, weights?: Record<string, number | null>) =>
    groupFigures({
      aggregation: 'mean',
      memberCodes: MEMBERS,
      values: new Map(MEMBERS.map((c) => [c, c in values ? values[c]! : 20])),
      weights: weights && new Map(MEMBERS.map((c) => [c, c in weights ? weights[c]! : 1000])),
    });

  it('has a Swedish label for every kind', () => {
    expect(GROUP_FIGURE_LABELS_SV).toEqual({
      unweighted_mean: 'Ovägt medelvärde',
      weighted_mean: 'Befolkningsviktat medelvärde',
      sum: 'Summa',
    });
  });

  it('says what the mean is and which members it leaves out', () => {
    const [unweighted, weighted] = eight({ '0140': null }, { '0128': null });
    expect(groupFigureExplanationSv(unweighted!, 8, nameOf, { koladaGroupId: 'G96274' })).toBe(
      'Ovägt medelvärde av 7 av 8 kommuner (som Koladas kommungrupp G96274); Nykvarn saknar värde.',
    );
    expect(groupFigureExplanationSv(weighted!, 8, nameOf)).toBe(
      'Befolkningsviktat medelvärde av 6 av 8 kommuner, där kommuner med större befolkning väger tyngre; ' +
        'Salem och Nykvarn saknar värde eller befolkningsuppgift.',
    );
  });

  it('says when all members are covered, and when none is', () => {
    const [unweighted] = eight({});
    expect(groupFigureExplanationSv(unweighted!, 8, nameOf)).toBe('Ovägt medelvärde av alla 8 kommuner.');
    const [none] = groupFigures({ aggregation: 'mean', memberCodes: MEMBERS, values: new Map() });
    expect(groupFigureExplanationSv(none!, 8, nameOf)).toBe(
      'Ovägt medelvärde saknas: ingen av kommunerna har något värde.',
    );
  });

  it('explains why a sum with missing members is not given', () => {
    const values = new Map<string, number | null>(MEMBERS.map((c) => [c, 100]));
    expect(
      groupFigureExplanationSv(groupFigures({ aggregation: 'sum', memberCodes: MEMBERS, values })[0]!, 8, nameOf),
    ).toBe('Summa för alla 8 kommuner.');
    values.set('0192', null);
    values.set('0128', null);
    expect(
      groupFigureExplanationSv(groupFigures({ aggregation: 'sum', memberCodes: MEMBERS, values })[0]!, 8, nameOf),
    ).toBe(
      'Summa saknas eftersom Salem och Nynäshamn saknar värde; en summa av bara 6 av 8 kommuner skulle ge en för låg bild.',
    );
  });
});
