import { describe, expect, it } from 'vitest';
import { findDates, parseSwedishDate } from './swedish-dates.js';

describe('Swedish dates', () => {
  it.each([
    ['2019-10-14', '2019-10-14'],
    ['14 oktober 2019', '2019-10-14'],
    ['14 okt. 2019', '2019-10-14'],
    ['14 okt 2019', '2019-10-14'],
    ['1:a maj 2019', '2019-05-01'],
    ['2019.10.14', '2019-10-14'],
    ['14.10.2019', '2019-10-14'],
    ['14/10 2019', '2019-10-14'],
    ['14/10-2019', '2019-10-14'],
    ['29 april 2013', '2013-04-29'],
    ['6 SEPTEMBER 2021', '2021-09-06'],
  ])('reads %s', (text, iso) => {
    expect(parseSwedishDate(text)).toBe(iso);
  });

  it('keeps only real calendar dates', () => {
    expect(parseSwedishDate('2019-02-30')).toBeNull();
    expect(parseSwedishDate('31 april 2019')).toBeNull();
    expect(parseSwedishDate('29 februari 2020')).toBe('2020-02-29');
    expect(parseSwedishDate('29 februari 2019')).toBeNull();
  });

  it('finds dates in running text with where they are, across a line break', () => {
    const text = 'Kommunstyrelsen beslutade den 29 april\n2013, § 78, och justerade 2013-05-02.';
    const found = findDates(text);
    expect(found.map((d) => d.iso)).toEqual(['2013-04-29', '2013-05-02']);
    for (const d of found) expect(text.slice(d.at, d.at + d.length)).toBe(d.text);
  });

  it('does not read a diarienummer or a year range as a date', () => {
    expect(findDates('Dnr KS-2019/1234, KS 2019/123, Dnr 2019:45, åren 2019-2022')).toEqual([]);
  });
});
