import { describe, expect, it } from 'vitest';
import { findDiarienummer } from './diarienummer.js';

// Invented examples.
describe('findDiarienummer', () => {
  it.each([
    ['§ 142  Dnr KS-2019/1234', 'KS-2019/1234'],
    ['Diarienummer: KS 2019/123', 'KS 2019/123'],
    ['Dnr 2019:45', '2019:45'],
    ['Ärende KS/2019:123 Budget', 'KS/2019:123'],
    ['Dnr. KSN-2019-0456', 'KSN-2019-0456'],
  ])('%j → %s', (text, value) => {
    const found = findDiarienummer(text);
    expect(found?.value).toBe(value);
    expect(text.slice(found!.evidence.at, found!.evidence.at + found!.evidence.length)).toBe(value);
  });

  it('does not take a date or a year range for one', () => {
    expect(findDiarienummer('KS 2013-04-29 § 78, åren 2019-2022')).toBeNull();
  });
});
