import { describe, expect, it } from 'vitest';
import { findMember } from './members.js';

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

const code = (text: string) => findMember(text, MEMBERS)?.member.code ?? null;

// Invented examples.
describe('findMember', () => {
  it.each([
    ['Huddinge kommun\nKommunstyrelsen', '0126'],
    ['Protokoll\nKommunstyrelsen i Haninge', '0136'],
    ['HANINGE KOMMUN\nPROTOKOLL', '0136'],
    ['Text\nText\nText\nText\nText\nText\nEtt beslut i Botkyrka kommuns kommunstyrelse.', '0127'],
    ['Södertälje kommun\nTjänsteskrivelse', '0181'],
    ['Tyreso kommun\nProtokoll', '0138'],
  ])('%j → %s', (text, expected) => {
    expect(code(text)).toBe(expected);
  });

  it('does not take the region Södertörn for Södertälje', () => {
    expect(code('Södertörns kommuner\nSödertörnskommunerna har tagit fram Södertörns utvecklingsprogram.')).toBeNull();
  });

  it('counts a list of members for none of them', () => {
    const list = 'Programmet gäller Botkyrka, Haninge, Huddinge, Nykvarn, Nynäshamn, Salem, Södertälje och Tyresö.';
    expect(code(list)).toBeNull();
    expect(code(`Salems kommun\nProtokollsutdrag\n\n${list}`)).toBe('0128');
  });

  it('prefers the letterhead, then the one with "kommun" beside it, else none', () => {
    expect(code('Nykvarns kommun\nProtokoll\nText\nText\nText\nText\nSkickas till Huddinge kommun.')).toBe('0140');
    expect(code('Protokoll\nText\nText\nText\nText\nText\nHuddinge kommun och Botkyrka kommun svarar.')).toBeNull();
    expect(code('Protokoll\nText\nText\nText\nText\nText\nSamråd med Huddinge. Beslut i Botkyrka kommun.')).toBe(
      '0127',
    );
  });
});
