import { describe, expect, it } from 'vitest';
import { judgeKind } from './document-kind.js';

// Invented examples.
describe('judgeKind', () => {
  it('reads a protokollsutdrag that repeats the memo’s proposal as minutes, and says why', () => {
    const text = `Protokollsutdrag
Kommunstyrelsen 2019-10-14

§ 142
Förslag till beslut
Programmet godkänns.

Beskrivning av ärendet
Ärendet har beretts av förvaltningen.

Kommunstyrelsens beslut
Programmet godkänns.

Justerandes signatur`;
    const j = judgeKind(text);
    expect(j.kind).toBe('minutes');
    expect(j.reason).toMatch(/Protokollsutdrag.*väger mindre/su);
    for (const e of j.evidence) expect(text.slice(e.at, e.at + e.length)).toBe(e.text);
  });

  it('reads a tjänsteskrivelse as a memo even when it cites an earlier protokollsutdrag among its documents', () => {
    const text = `Tjänsteskrivelse
Förslag till beslut
Kommunstyrelsen föreslås besluta att godkänna programmet.

Beslutsunderlag
Protokollsutdrag KS 2013-04-29 § 78`;
    const j = judgeKind(text);
    expect(j.kind).toBe('memo');
    expect(j.reason).not.toMatch(/Protokollsutdrag/);
  });

  it('finds the marks in the scanner’s damaged forms', () => {
    expect(
      judgeKind('Kommunstyrelseforvaltningens forslag till\nkommunledningsutskottet for beslut i kommunstyrelsen').kind,
    ).toBe('memo');
    expect(judgeKind('UTDRAG UR PROTOKOLLET\nKommunstyrelsen').kind).toBe('minutes');
  });

  it('reads "§ N" with a "… beslut" heading after it, and "Vid protokollet", as minutes', () => {
    expect(
      judgeKind('Kommunstyrelsen\n\n§ 12\nBudget 2020\n\nKommunstyrelsens beslut\nBudgeten fastställs.\n').kind,
    ).toBe('minutes');
    expect(judgeKind('Vid protokollet\nAnna Lind').kind).toBe('minutes');
  });

  it('is unknown when neither kind is marked, or the marks weigh the same', () => {
    expect(judgeKind('Nyhetsbrev från Södertörn').kind).toBe('unknown');
    const tied = judgeKind('Text\nText\nText\nText\nText\nText\nText\nJusterare\nFörslag till beslut\nÄrendet');
    expect(tied.kind).toBe('unknown');
    expect(tied.reason).toMatch(/väger lika/);
  });
});
