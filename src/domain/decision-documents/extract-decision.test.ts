import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExtractedDecision, ExtractionContext, FieldName } from './document-reading.js';
import { extractDecision } from './extract-decision.js';

const MEMBERS = [
  { code: '0127', name: 'Botkyrka' },
  { code: '0136', name: 'Haninge' },
  { code: '0126', name: 'Huddinge' },
  { code: '0140', name: 'Nykvarn' },
  { code: '0192', name: 'Nynäshamn' },
  { code: '0128', name: 'Salem' },
  { code: '0181', name: 'Södertälje' },
  { code: '0138', name: 'Tyresö' },
];

/** As the demo holds them: the 2013 programme, the 2035 proposal and adopted one, the revision, the 2023 one. */
const PROGRAMMES = [
  { id: 1, name: 'Södertörns utvecklingsprogram', targetYear: null },
  { id: 2, name: 'Södertörns utvecklingsprogram 2035', targetYear: 2035 },
  { id: 3, name: 'Södertörns utvecklingsprogram 2035', targetYear: 2035 },
  { id: 4, name: 'Södertörns utvecklingsprogram 2035 (justerat)', targetYear: 2035 },
  { id: 5, name: 'Södertörns utvecklingsprogram (2023)', targetYear: null },
];

const CONTEXT: ExtractionContext = { members: MEMBERS, programmes: PROGRAMMES };

const member = (code: string) => {
  const m = MEMBERS.find((x) => x.code === code)!;
  return { code: m.code, name: m.name };
};

/** Every evidence entry points at its own text in the given text. */
function expectEvidenceInText(result: ExtractedDecision, text: string) {
  for (const [field, list] of Object.entries(result.evidence)) {
    expect(list!.length, field).toBeGreaterThan(0);
    for (const e of list!) expect(text.slice(e.at, e.at + e.length), field).toBe(e.text);
  }
  for (const [field, value] of Object.entries(result.fields)) {
    const found = Array.isArray(value) ? value.length > 0 : value !== null;
    expect(Boolean(result.evidence[field as FieldName]), `evidence for ${field}`).toBe(found);
  }
}

// The texts below are invented examples (written for these tests), in the forms Swedish
// municipalities' minutes and memos take; names of people are made up.

const HUDDINGE_MINUTES = `HUDDINGE KOMMUN
PROTOKOLLSUTDRAG
Kommunstyrelsen
Sammanträdesdatum 2019-10-14

§ 142
Södertörns utvecklingsprogram 2035
Dnr KS-2019/1234

Kommunstyrelsens beslut
Södertörns utvecklingsprogram 2035 godkänns och ersätter motsvarande program som godkändes av kommunstyrelsen 2013-04-29 § 78.

Sammanfattning
Södertörns samarbetskommitté har tagit fram ett förslag till gemensamt utvecklingsprogram för Botkyrka, Haninge, Huddinge, Nykvarn, Nynäshamn, Salem, Södertälje och Tyresö kommuner.

Beslutsunderlag
Tjänsteskrivelse 2019-09-20

Justerandes signatur
Vid protokollet
Anna Lindqvist
Sekreterare
Justeras
Per-Olof Sandberg      Karin Åström
Justeringsdatum 2019-10-17
`;

const HANINGE_REFERRED_BACK = `Sammanträdesprotokoll
Kommunstyrelsen i Haninge

Sammanträde 2019-11-04

KS § 201   Dnr KS 2019/567
Södertörns utvecklingsprogram
2035

Förslag till beslut
Kommunstyrelsen godkänner Södertörns utvecklingsprogram 2035.

Yrkanden
Maria Berg (M) yrkar att ärendet återremitteras.

Kommunstyrelsens beslut
Ärendet återremitteras till kommunstyrelseförvaltningen för komplettering
med en ekonomisk analys.

Justerandes signatur
Ordförande
Maria Berg
Justerare
Lars Holm
`;

// OCR-like: "8 112" for "§ 112", a sentence broken over lines.
const BOTKYRKA_REJECTED = `BOTKYRKA KOMMUN
Protokoll
Kommunfullmäktige
Sammanträdesdatum: 14 november 2019

§ 78
Motion om eget utvecklingsprogram för Botkyrka kommuns
ungdomar

Beslut
Kommunfullmäktige avslår
motionen.

Ärendet
Kommunstyrelsen behandlade ärendet den 21 oktober 2019 8 112 och
föreslog avslag.

Vid protokollet
Eva Nilsson
Justeras
Ahmed Hassan, Sofia Lind
`;

const TYRESO_MEMO = `TYRESÖ KOMMUN
Tjänsteskrivelse
2019-09-02
Dnr 2019:45

Kommunstyrelsen

Södertörns utvecklingsprogram 2035

Förslag till beslut
Kommunstyrelsen föreslås besluta att
1. Södertörns utvecklingsprogram 2035 antas.

Ärendet
Programmet ersätter Södertörns utvecklingsprogram som antogs av kommunstyrelsen den 6 maj 2013, § 55.

Anna-Karin Ek          Jonas Öberg
Kommundirektör         Utvecklingsstrateg
`;

const NYNASHAMN_2013 = `Utdrag ur protokoll
Nynäshamns kommun
Kommunstyrelsen 2013-05-13 § 91

Södertörns utvecklingsprogram

Kommunstyrelsens beslut
Södertörns utvecklingsprogram fastställs.

Justerare: Gunilla Ström
`;

const SALEM_NOT_APPROVED = `Salems kommun
Protokollsutdrag
Kommunstyrelsens arbetsutskott
Sammanträdesdatum 2024-03-11
Justeringsdatum 2024-03-14

§ 33  Dnr KS/2024:17
Södertörns utvecklingsprogram 2035 (justerat)

Arbetsutskottets beslut
Södertörns utvecklingsprogram 2035 (justerat) godkänns inte.

Justeras
Ola Persson
`;

describe('extractDecision on invented minutes and memos', () => {
  it('reads Huddinge’s protokollsutdrag: adopted 2019-10-14 § 142, citing the 2013 decision', () => {
    const r = extractDecision(HUDDINGE_MINUTES, CONTEXT);
    expect(r.kind).toBe('minutes');
    expect(r.kindReason).toMatch(/Protokollsutdrag/);
    expect(r.fields).toEqual({
      body: 'Kommunstyrelsen',
      member: member('0126'),
      date: '2019-10-14',
      paragraph: '§ 142',
      diarienummer: 'KS-2019/1234',
      outcome: 'adopted',
      programme: { id: 2, name: 'Södertörns utvecklingsprogram 2035' },
      earlierDecision: { body: 'kommunstyrelsen', date: '2013-04-29', paragraph: '§ 78' },
      signatories: ['Anna Lindqvist', 'Per-Olof Sandberg', 'Karin Åström'],
    });
    expect(r.evidence.signatories).toHaveLength(3);
    expectEvidenceInText(r, HUDDINGE_MINUTES);
  });

  it('reads Haninge’s minutes: referred back, although the proposal said godkänner', () => {
    const r = extractDecision(HANINGE_REFERRED_BACK, CONTEXT);
    expect(r.kind).toBe('minutes');
    expect(r.fields).toMatchObject({
      body: 'Kommunstyrelsen',
      member: member('0136'),
      date: '2019-11-04',
      paragraph: '§ 201',
      diarienummer: 'KS 2019/567',
      outcome: 'referred_back',
      programme: { id: 2 },
      earlierDecision: null,
      signatories: ['Maria Berg', 'Lars Holm'],
    });
    expect(r.evidence.outcome![0]!.text).toBe('återremitteras');
    expectEvidenceInText(r, HANINGE_REFERRED_BACK);
  });

  it('reads Botkyrka’s council minutes: rejected, the scanner’s "8 112" read as an earlier § 112', () => {
    const r = extractDecision(BOTKYRKA_REJECTED, CONTEXT);
    expect(r.kind).toBe('minutes');
    expect(r.fields).toMatchObject({
      body: 'Kommunfullmäktige',
      member: member('0127'),
      date: '2019-11-14',
      paragraph: '§ 78',
      diarienummer: null,
      outcome: 'rejected',
      // A motion about "eget utvecklingsprogram" names none of the programmes held.
      programme: null,
      earlierDecision: { body: 'Kommunstyrelsen', date: '2019-10-21', paragraph: '§ 112' },
      signatories: ['Eva Nilsson', 'Ahmed Hassan', 'Sofia Lind'],
    });
    expectEvidenceInText(r, BOTKYRKA_REJECTED);
  });

  it('reads Tyresö’s memo: the proposed outcome, no meeting date or paragraph of its own', () => {
    const r = extractDecision(TYRESO_MEMO, CONTEXT);
    expect(r.kind).toBe('memo');
    expect(r.kindReason).toMatch(/Tjänsteskrivelse/);
    expect(r.fields).toEqual({
      body: 'Kommunstyrelsen',
      member: member('0138'),
      date: null,
      paragraph: null,
      diarienummer: '2019:45',
      outcome: 'adopted',
      programme: { id: 2, name: 'Södertörns utvecklingsprogram 2035' },
      earlierDecision: { body: 'kommunstyrelsen', date: '2013-05-06', paragraph: '§ 55' },
      signatories: ['Anna-Karin Ek', 'Jonas Öberg'],
    });
    expectEvidenceInText(r, TYRESO_MEMO);
  });

  it('matches the 2013 programme (no target year) when the text names no year', () => {
    const r = extractDecision(NYNASHAMN_2013, CONTEXT);
    expect(r.kind).toBe('minutes');
    expect(r.fields).toMatchObject({
      body: 'Kommunstyrelsen',
      member: member('0192'),
      date: '2013-05-13',
      paragraph: '§ 91',
      outcome: 'adopted',
      programme: { id: 1, name: 'Södertörns utvecklingsprogram' },
      earlierDecision: null,
      signatories: ['Gunilla Ström'],
    });
    expectEvidenceInText(r, NYNASHAMN_2013);
  });

  it('reads a negated adoption as rejected and matches the revised programme', () => {
    const r = extractDecision(SALEM_NOT_APPROVED, CONTEXT);
    expect(r.fields).toMatchObject({
      body: 'Kommunstyrelsens arbetsutskott',
      member: member('0128'),
      date: '2024-03-11',
      paragraph: '§ 33',
      diarienummer: 'KS/2024:17',
      outcome: 'rejected',
      programme: { id: 4, name: 'Södertörns utvecklingsprogram 2035 (justerat)' },
      signatories: ['Ola Persson'],
    });
    expect(r.evidence.outcome![0]!.text).toBe('godkänns inte');
    expectEvidenceInText(r, SALEM_NOT_APPROVED);
  });

  it('takes the justering date only when no meeting date is written', () => {
    const text = SALEM_NOT_APPROVED.replace('Sammanträdesdatum 2024-03-11\n', '');
    expect(extractDecision(text, CONTEXT).fields.date).toBe('2024-03-14');
  });

  it('takes the first of two equally matching programmes, in the given order', () => {
    const reversed = { members: MEMBERS, programmes: [PROGRAMMES[2]!, PROGRAMMES[1]!, PROGRAMMES[0]!] };
    expect(extractDecision(HUDDINGE_MINUTES, reversed).fields.programme).toEqual({
      id: 3,
      name: 'Södertörns utvecklingsprogram 2035',
    });
  });

  it('does not let the programme replaced win over the one decided', () => {
    const text = `Protokollsutdrag
Kommunstyrelsen 2019-10-14 § 142

Kommunstyrelsens beslut
Programmet godkänns och ersätter tidigare Södertörns utvecklingsprogram från 2013.
Programmet heter Södertörns utvecklingsprogram 2035.
`;
    expect(extractDecision(text, CONTEXT).fields.programme?.id).toBe(2);
  });

  it('reads an OCR-like copy of Huddinge’s minutes: broken lines, "8 78" for "§ 78"', () => {
    const noisy = HUDDINGE_MINUTES.replace(
      'Södertörns utvecklingsprogram 2035 godkänns och ersätter motsvarande program som godkändes av kommunstyrelsen 2013-04-29 § 78.',
      'Södertörns\nutvecklingsprogram 2035 godkänns och ersätter motsvarande\nprogram som godkändes av kommunstyrelsen 2013-04-29 8 78.',
    ).replace('Sammanträdesdatum 2019-10-14\n\n§ 142', 'Sammanträdesdatum\n2019-10-14\n\n§ 142');
    const r = extractDecision(noisy, CONTEXT);
    expect(r.kind).toBe('minutes');
    expect(r.fields).toMatchObject({
      date: '2019-10-14',
      paragraph: '§ 142',
      outcome: 'adopted',
      programme: { id: 2 },
      earlierDecision: { body: 'kommunstyrelsen', date: '2013-04-29', paragraph: '§ 78' },
    });
    expectEvidenceInText(r, noisy);
  });

  it('does not read "S 78" or "8 78" outside a reference as the paragraph', () => {
    const text = `Protokoll
Kommunstyrelsen
Sammanträdesdatum 2019-10-14

§ 5
Kommunstyrelsens beslut
Ärendet återremitteras. Se bilaga S 78 och tabell 8 78.
`;
    const r = extractDecision(text, CONTEXT);
    expect(r.fields.paragraph).toBe('§ 5');
    expect(r.fields.earlierDecision).toBeNull();
    expect(r.fields.outcome).toBe('referred_back');
  });

  it('takes, in minutes with several paragraphs, the paragraph and outcome concerning the programme', () => {
    const text = `NYKVARNS KOMMUN
SAMMANTRÄDESPROTOKOLL
Kommunstyrelsen
Sammanträdesdatum     Sida
2019-10-07     1 (4)
Paragrafer §§ 120-122

§ 120
Delårsrapport
Kommunstyrelsens beslut
Ärendet återremitteras.

§ 121
Södertörns utvecklingsprogram 2035
Kommunstyrelsens beslut
Kommunstyrelsen antar Södertörns utvecklingsprogram 2035.

§ 122
Motion om gatubelysning
Kommunstyrelsens beslut
Motionen avslås.

Justerandes signatur
`;
    const r = extractDecision(text, CONTEXT);
    expect(r.fields).toMatchObject({
      member: member('0140'),
      date: '2019-10-07',
      paragraph: '§ 121',
      outcome: 'adopted',
      programme: { id: 2 },
    });
    expectEvidenceInText(r, text);
  });

  it('reads the body from "KS § N" when nothing else names it', () => {
    const r = extractDecision('Protokollsutdrag\n\nKS § 12\nBeslut\nProgrammet antas.\n', CONTEXT);
    expect(r.fields.body).toBe('Kommunstyrelsen');
    expect(r.evidence.body).toEqual([{ at: 18, length: 2, text: 'KS' }]);
  });

  it('says unknown, with a reason, for a text with no marks of either kind', () => {
    const r = extractDecision('Inbjudan till nyckeltalsdagen på Södertörn den 3 maj 2019.', CONTEXT);
    expect(r.kind).toBe('unknown');
    expect(r.kindReason).toMatch(/Varken/);
    expect(r.fields.member).toBeNull();
    expect(r.fields.outcome).toBeNull();
  });

  it('reads the paragraph as a scanner wrote it right after a date ("$& 142"), and tolerates broken lines', () => {
    const text = `PROTOKOLLSUTDRAG
Kommunstyrelsen
2019-10-14 $& 142

Kommunstyrelsens beslut
Södertörns utvecklings-
program 2035 godkänns.
`;
    const r = extractDecision(text, CONTEXT);
    expect(r.fields.paragraph).toBe('§ 142');
    expect(r.fields.date).toBe('2019-10-14');
    expect(r.fields.outcome).toBe('adopted');
    expectEvidenceInText(r, text);
  });
});

describe('the demo’s memo on Södertörns utvecklingsprogram 2035', () => {
  const raw = readFileSync(
    new URL('../../../data/demo/utvecklingsprogram-2035-tjansteskrivelse.txt', import.meta.url),
    'utf8',
  );
  // The Swedish letters restored by hand in a few obvious words (the rest left as scanned).
  const repaired = raw
    .replace(/Soédertdrns|Sodertorns|Sédertérns|Sodertdrns/g, 'Södertörns')
    .replace('godkinns', 'godkänns')
    .replace('godkindes', 'godkändes')
    .replace(/ersitter/g, 'ersätter')
    .replace(/Kommunstyrelseforvaltningens forslag/g, 'Kommunstyrelseförvaltningens förslag')
    .replace('for beslut i', 'för beslut i')
    .replace('Lundberg Bjork', 'Lundberg Björk')
    .replace('Kommundirektor', 'Kommundirektör')
    .replace('Beskrivning av drendet', 'Beskrivning av ärendet');

  it.each([
    ['raw', raw, 'Britt-Marie Lundberg Bjork'],
    ['repaired', repaired, 'Britt-Marie Lundberg Björk'],
  ])('reads the %s text as a memo proposing adoption of the 2035 programme', (_label, text, signatory) => {
    const r = extractDecision(text, CONTEXT);
    expect(r.kind).toBe('memo');
    expect(r.fields.programme).toEqual({ id: 2, name: 'Södertörns utvecklingsprogram 2035' });
    expect(r.fields.earlierDecision).toEqual({ body: 'kommunstyrelsen', date: '2013-04-29', paragraph: '§ 78' });
    expect(r.fields.outcome).toBe('adopted');
    expect(r.fields.signatories).toContain(signatory);
    expect(r.fields.body).toBe('Kommunstyrelsen');
    // A memo records no meeting: its only date with a paragraph is the 2013 decision it cites.
    expect(r.fields.date).toBeNull();
    expect(r.fields.paragraph).toBeNull();
    expectEvidenceInText(r, text);
  });
});
