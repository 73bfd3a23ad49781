import { describe, expect, it } from 'vitest';
import { repairOcrText } from '../../domain/decision-documents/ocr-repair/repair-ocr.js';
import {
  Affixes,
  applySuffix,
  dicEntries,
  HunspellLexicon,
  loadSwedishLanguageModel,
  WORD,
} from './swedish-language-model.js';

/** The dictionary's word forms (kept in the same map as the compound roles). */
interface WordForms extends Iterable<string> {
  has(word: string): boolean;
  readonly size: number;
}

/**
 * All word forms of a Hunspell dictionary at once, lower-case, with the bits of each (WORD and the compound
 * roles): the reference `HunspellLexicon`, which looks each word up by taking suffixes off, is checked against.
 */
function expandHunspell(aff: string, dic: string): { forms: WordForms; compoundRoles: Map<string, number> } {
  const affixes = new Affixes(aff);
  const compoundRoles = new Map<string, number>();
  const forms: WordForms = {
    has: (w) => ((compoundRoles.get(w) ?? 0) & WORD) !== 0,
    get size() {
      return [...this].length;
    },
    *[Symbol.iterator]() {
      for (const [w, bits] of compoundRoles) if (bits & WORD) yield w;
    },
  };
  const mark = (form: string, bits: number): void => {
    if (bits) compoundRoles.set(form, (compoundRoles.get(form) ?? 0) | bits);
  };
  for (const { stem, flags } of dicEntries(dic, affixes)) {
    mark(stem, affixes.stemBits(flags));
    for (const flag of flags) {
      for (const rule of affixes.rules.get(flag) ?? []) {
        const form = applySuffix(stem, rule);
        if (form !== null) mark(form.toLowerCase(), affixes.formBits(flags, rule.flags));
      }
    }
  }
  return { forms, compoundRoles };
}

const AFF = `SET UTF-8
FORBIDDENWORD %
NEEDAFFIX ¤
ONLYINCOMPOUND Z
COMPOUNDBEGIN X
COMPOUNDMIDDLE U
COMPOUNDEND Y
SFX A Y 1
SFX A 0 s .
SFX B Y 2
SFX B 0 en [^e]
SFX B e en e
SFX z Y 1
SFX z a 0/XZ a
`;
const DIC = `6
mål/ABXY
skola/zY
styrelse/BUY
fel/%
komm/¤A
för/A
`;

describe('expandHunspell', () => {
  it('expands suffix rules with their conditions and strips', () => {
    const { forms, compoundRoles } = expandHunspell(AFF, DIC);
    expect([...forms].sort()).toEqual([
      'för',
      'förs',
      'komms',
      'mål',
      'målen',
      'måls',
      'skola',
      'styrelse',
      'styrelsen',
    ]);
    // begin 1, middle 2, end 4 (the end role holds for the inflected forms too); 8 marks a word by itself.
    const roles = Object.fromEntries([...compoundRoles].map(([form, bits]) => [form, bits & 7]).filter(([, b]) => b));
    expect(roles).toEqual({ mål: 5, målen: 4, måls: 4, skol: 1, skola: 4, styrelse: 6, styrelsen: 4 });
    expect(forms.has('skol')).toBe(false);
    expect(forms.size).toBe(9);
  });
});

describe('HunspellLexicon', () => {
  it('gives each form the bits the full expansion gives, and none to other strings', () => {
    const { compoundRoles } = expandHunspell(AFF, DIC);
    const lexicon = new HunspellLexicon(AFF, DIC);
    for (const [form, bits] of compoundRoles) expect([form, lexicon.roles(form)]).toEqual([form, bits]);
    for (const other of ['fel', 'komm', 'måle', 'skolen', 'xyz', '', 'styrelses']) expect(lexicon.roles(other)).toBe(0);
    // The nine words, "skol" (only in compounds) and "komm" (a stem that needs a suffix).
    expect(lexicon.formCount).toBe(11);
  });
});

describe('the shipped Swedish language model', () => {
  const { model, stats } = loadSwedishLanguageModel();

  it('loads once, with the dictionary and the counts', () => {
    expect(loadSwedishLanguageModel().model).toBe(model);
    expect(stats.dictionaryForms).toBeGreaterThan(100_000);
    expect(model.wordCount('för')).toBeGreaterThan(1000);
    expect(model.isKnownWord('kommunstyrelsen')).toBe(true);
    expect(model.isDomainWord('södertörns')).toBe(true);
    expect(model.isKnownCompound('kommunstyrelseförvaltningen')).toBe(true);
  });

  it('repairs text damaged as scans damage it', () => {
    const input = 'Namnden foreslas besluta att malen for aldreomsorgen ska foljas upp arligen.';
    expect(repairOcrText(input, model).text).toBe(
      'Nämnden föreslås besluta att målen för äldreomsorgen ska följas upp årligen.',
    );
  });
});
