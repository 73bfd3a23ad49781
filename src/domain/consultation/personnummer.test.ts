import { describe, expect, it } from 'vitest';
import { containsPersonnummer, findPersonnummer, luhnValid } from './personnummer.js';

/** Skatteverket's test numbers (testpersonnummer) and the well-known example 811218-9876. */
const VALID = '811218-9876';

describe('personnummer in free text', () => {
  it('checks the control digit with the Luhn algorithm', () => {
    expect(luhnValid('8112189876')).toBe(true);
    expect(luhnValid('8112189875')).toBe(false);
    expect(luhnValid('811218987')).toBe(false);
  });

  it.each([
    ['with dash', 'Ring mig, 811218-9876 är mitt nummer.'],
    ['without dash', 'Mitt nummer 8112189876 finns i registret.'],
    ['with century and dash', 'Personnummer 19811218-9876.'],
    ['with century, no dash', '198112189876'],
    ['with plus (100 years or older)', 'Född 811218+9876.'],
    ['with a space', '811218 9876'],
    ['a samordningsnummer (day + 60)', '701063-2391'],
    ['at the start and end of the text', '19811218-9876'],
  ])('finds one %s', (_, text) => {
    expect(containsPersonnummer(text)).toBe(true);
  });

  it.each([
    ['a wrong control digit', '811218-9875'],
    ['an impossible date', '811332-1234'],
    ['30 February', '19810230-1239'],
    ['part of a longer number', 'Ordernummer 128112189876543'],
    ['a phone number', 'Ring 08-123 456 78 eller 070-123 45 67'],
    ['a year and a count', 'År 2035 ska 1000 bostäder byggas'],
    ['plain text', 'Bra förslag om kollektivtrafiken!'],
  ])('does not take %s for one', (_, text) => {
    expect(containsPersonnummer(text)).toBe(false);
  });

  it('lists each one as written', () => {
    expect(findPersonnummer(`Jag (${VALID}) och min granne 19811218-9876.`)).toEqual([VALID, '19811218-9876']);
  });
});
