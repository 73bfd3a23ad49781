import { describe, expect, it } from 'vitest';
import type { RepairedText } from '../document-reading.js';
import { repairSegments } from '../repair-segments.js';
import { repairOcrText } from './repair-ocr.js';
import { createLanguageModel, NUMBER_WORD, type LanguageModel } from './language-model.js';

/** A small language model: counts made up for the purpose, a handful of dictionary words. */
function smallModel(): LanguageModel {
  const words: Record<string, number> = {
    för: 900,
    att: 800,
    och: 800,
    i: 700,
    är: 400,
    år: 300,
    av: 300,
    nämnden: 60,
    beslutar: 40,
    godkänna: 30,
    förslaget: 50,
    förslag: 40,
    mål: 80,
    målen: 30,
    program: 40,
    från: 200,
    kommunen: 150,
    uppföljning: 25,
    redovisas: 20,
    årligen: 15,
    ska: 200,
    under: 90,
    planen: 20,
    gäller: 30,
    länet: 20,
    invånare: 60,
    andel: 80,
    [NUMBER_WORD]: 500,
  };
  const pairs: Record<string, number> = {
    'nämnden beslutar': 10,
    'beslutar att': 20,
    'att godkänna': 10,
    'godkänna förslaget': 8,
    'målet är': 6,
    [`${NUMBER_WORD} år`]: 120,
    'i länet': 10,
    'program för': 10,
    'för kommunen': 20,
    'planen gäller': 5,
    'gäller från': 5,
    'från och': 2,
  };
  const dictionary = new Set([
    ...Object.keys(words),
    'mal',
    'mala',
    'ar',
    'for',
    'målet',
    'kommun',
    'styrelse',
    'plan',
  ]);
  return createLanguageModel({ words, pairs, domain: ['södertörn', 'södertörns', 'botkyrka'], dictionary });
}

const model = smallModel();

function checkRepairs(input: string, result: RepairedText): void {
  for (const r of result.repairs) {
    expect(input.slice(r.at, r.at + r.from.length)).toBe(r.from);
    expect(r.reason).toContain('→');
  }
  // The page shows the repairs through repairSegments: every repair must fit the text read (none dropped
  // for a wrong offset or an overlap) and together they must give the repaired text.
  const segments = repairSegments(input, result.repairs);
  expect(segments.repairs).toHaveLength(result.repairs.length);
  expect(segments.repaired.map((s) => s.text).join('')).toBe(result.text);
}

describe('repairOcrText', () => {
  it('restores å, ä and ö by frequency and dictionary', () => {
    const input = 'Namnden beslutar att godkanna forslaget.';
    const result = repairOcrText(input, model);
    expect(result.text).toBe('Nämnden beslutar att godkänna förslaget.');
    checkRepairs(input, result);
  });

  it('reads digits and other glyphs a scan puts for ö, ä and å', () => {
    expect(repairOcrText('uppf6ljning redovisas drligen', model).text).toBe('uppföljning redovisas årligen');
    expect(repairOcrText('planen giller frin', model).text).toBe('planen gäller från');
  });

  it('turns a rare real word into the common one ("mal" → "mål")', () => {
    const result = repairOcrText('mal och program', model);
    expect(result.text).toBe('mål och program');
    expect(result.repairs[0]).toMatchObject({ at: 0, from: 'mal', to: 'mål' });
    expect(result.repairs[0]?.reason).toContain('a → å');
  });

  it('chooses "år" or "är" by the neighbours', () => {
    expect(repairOcrText('under 65 ar', model).text).toBe('under 65 år');
    expect(repairOcrText('målet ar', model).text).toBe('målet är');
  });

  it('keeps case: a capital first letter and all capitals', () => {
    expect(repairOcrText('Forslaget', model).text).toBe('Förslaget');
    expect(repairOcrText('FORSLAGET', model).text).toBe('FÖRSLAGET');
    expect(repairOcrText('Sédertérns', model).text).toBe('Södertörns');
  });

  it('splits words run together and says so', () => {
    const input = 'ett programfor kommunen';
    const result = repairOcrText(input, model);
    expect(result.text).toBe('ett program för kommunen');
    expect(result.repairs[0]?.reason).toContain('ihopskrivna');
    checkRepairs(input, result);
  });

  it('joins a word split in two', () => {
    const input = 'av invan are i länet';
    const result = repairOcrText(input, model);
    expect(result.text).toBe('av invånare i länet');
    checkRepairs(input, result);
  });

  it('reads a lone "1" between words as "i" only when the neighbours say so', () => {
    expect(repairOcrText('andel 1 länet', model).text).toBe('andel i länet');
    expect(repairOcrText('under 1 år', model).text).toBe('under 1 år');
  });

  it('never touches numbers, dates, paragraph signs or diarienummer', () => {
    const input = 'Beslut 2013-04-29 § 78, dnr KS-2019/1234, 1 000 kr, 6 mal.';
    const result = repairOcrText(input, model);
    for (const kept of ['2013-04-29', '§ 78', 'KS-2019/1234', '1 000', ' 6 ']) expect(result.text).toContain(kept);
    expect(result.text).toContain('mål');
    checkRepairs(input, result);
  });

  it('keeps known common words and unknown names as they are', () => {
    const input = 'Nämnden beslutar att godkänna förslaget för Lundberg i Botkyrka.';
    expect(repairOcrText(input, model)).toEqual({ text: input, repairs: [] });
  });

  it('keeps line breaks and spacing', () => {
    const input = 'forslaget\n\n  for kommunen\r\nmal';
    const result = repairOcrText(input, model);
    expect(result.text).toBe('förslaget\n\n  för kommunen\r\nmål');
    checkRepairs(input, result);
  });

  it('returns offsets that point at each original in a longer text', () => {
    const input = 'Namnden beslutar.\nMalen redovisas drligen i lanet. Forslag for kommunen.';
    const result = repairOcrText(input, model);
    expect(result.repairs.length).toBeGreaterThanOrEqual(5);
    checkRepairs(input, result);
  });
});
