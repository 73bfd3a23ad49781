import { describe, expect, it } from 'vitest';
import { createLanguageModel, withinOneEdit } from './language-model.js';

const model = createLanguageModel({
  words: { kommun: 10, styrelse: 5, förvaltning: 3, för: 100, program: 4, skolor: 2 },
  pairs: { 'för kommun': 3 },
  domain: ['Södertörns'],
  dictionary: new Set(['kommun', 'styrelse', 'förvaltning', 'för', 'program', 'utveckling', 'mal', 'skolor']),
  compoundHeads: new Set(['skol']),
});

describe('createLanguageModel', () => {
  it('counts words and pairs', () => {
    expect(model.wordCount('kommun')).toBe(10);
    expect(model.wordCount('okänt')).toBe(0);
    expect(model.pairCount('för', 'kommun')).toBe(3);
    expect(model.totalWords).toBe(124);
  });

  it('knows dictionary and domain words, lower-case', () => {
    expect(model.isKnownWord('mal')).toBe(true);
    expect(model.isDomainWord('södertörns')).toBe(true);
    expect(model.isKnownWord('södertörns')).toBe(true);
    expect(model.isKnownWord('xyz')).toBe(false);
  });

  it('knows compounds of two or three known parts, with a linking s', () => {
    expect(model.compoundParts('kommunstyrelse')).toEqual(['kommun', 'styrelse']);
    expect(model.isKnownCompound('kommunstyrelseförvaltning')).toBe(true);
    expect(model.isKnownCompound('utvecklingsprogram')).toBe(true);
    expect(model.compoundParts('skolstyrelse')).toEqual(['skol', 'styrelse']);
    expect(model.isKnownCompound('kommunxyz')).toBe(false);
  });

  it('does not take a run-together "programför" for a compound', () => {
    expect(model.isKnownCompound('programför')).toBe(false);
  });

  it('finds counted words one letter away', () => {
    expect(model.nearWords('skolr')).toEqual(['skolor']);
    expect(model.nearWords('kommmun')).toEqual(['kommun']);
    expect(model.nearWords('kommmmun')).toEqual([]);
  });

  it('tells words one edit apart', () => {
    expect(withinOneEdit('mål', 'måla')).toBe(true);
    expect(withinOneEdit('mål', 'mal')).toBe(true);
    expect(withinOneEdit('mål', 'mala')).toBe(false);
  });
});
