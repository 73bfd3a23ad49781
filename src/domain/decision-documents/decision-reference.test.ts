import { describe, expect, it } from 'vitest';
import { earlierDecisionOf, findDecisionReferences, findParagraphHeadings } from './decision-reference.js';

// Invented examples.
describe('decision references', () => {
  it.each([
    ['som godkändes av kommunstyrelsen 2013-04-29 § 78', 'kommunstyrelsen', '2013-04-29', '§ 78'],
    ['Se tidigare beslut (KS 2013-04-29, § 78).', 'Kommunstyrelsen', '2013-04-29', '§ 78'],
    ['Kommunstyrelsen beslutade den 29 april 2013, § 78 att anta programmet.', 'Kommunstyrelsen', '2013-04-29', '§ 78'],
    ['som godkindes av kommunstyrelsen 2013-04-29\n\n§ 78.', 'kommunstyrelsen', '2013-04-29', '§ 78'],
    ['som antogs av kommunfullmäktige 2013-06-10 8 78', 'kommunfullmäktige', '2013-06-10', '§ 78'],
    ['som antogs av kommunfullmäktige 2013-06-10 $& 78', 'kommunfullmäktige', '2013-06-10', '§ 78'],
    ['som antogs av kommunfullmäktige 2013-06-10 S 78', 'kommunfullmäktige', '2013-06-10', '§ 78'],
    ['som fastställdes av kommunstyrelsen 2013-06-10', 'kommunstyrelsen', '2013-06-10', null],
  ])('%j', (text, body, date, paragraph) => {
    const found = earlierDecisionOf(findDecisionReferences(text), false);
    expect(found?.decision).toEqual({ body, date, paragraph });
    for (const e of found!.evidence) expect(text.slice(e.at, e.at + e.length)).toBe(e.text);
  });

  it('reads a scanner’s "8"/"S" as § only right after a date', () => {
    expect(findDecisionReferences('Kommunstyrelsen 2019-10-14 878 deltagare')).toEqual([]);
    expect(findParagraphHeadings('S 78 Budget\n8 78 Budget\n')).toEqual([]);
    expect(findParagraphHeadings('KS § 142 Dnr KS-2019/1\n§78\n').map((h) => h.paragraph)).toEqual(['§ 142', '§ 78']);
    // A minutes extract's header table, as a PDF's text layer gives it: the label, then the paragraph.
    expect(findParagraphHeadings('Sammanträdesdatum 2025-11-17\nParagraf § 142\n').map((h) => h.paragraph)).toEqual([
      '§ 142',
    ]);
    expect(findParagraphHeadings('Paragraf: §7\n')[0]).toMatchObject({ paragraph: '§ 7', evidence: { text: '§7' } });
    // After the label, what a scanner made of the sign does not matter: the number is the paragraph.
    expect(findParagraphHeadings('i Paragraf . & 142 : | i\n').map((h) => [h.paragraph, h.evidence.text])).toEqual([
      ['§ 142', '& 142'],
    ]);
    expect(findParagraphHeadings('Paragraf 8 142\n').map((h) => h.paragraph)).toEqual(['§ 142']);
    // Without the label, a stray "8" or "&" before a number is no paragraph.
    expect(findParagraphHeadings('Kostnad & 142 kr\nSida 8 142\n')).toEqual([]);
  });

  it('tells the meeting’s own reference from an earlier decision', () => {
    const refs = findDecisionReferences(
      'Kommunstyrelsen 2019-10-14 § 142\nProgrammet som antogs 2013-04-29 § 78 upphör.',
    );
    expect(refs.map((r) => [r.date.iso, r.paragraph, r.earlier])).toEqual([
      ['2019-10-14', '§ 142', false],
      ['2013-04-29', '§ 78', true],
    ]);
  });
});
