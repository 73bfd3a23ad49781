import { describe, expect, it } from 'vitest';
import { keptName } from './kept-name.js';

describe('keptName', () => {
  it('keeps a plain name as it is, Swedish letters included', () => {
    expect(keptName('Protokollsutdrag KS 2019-10-14 § 142 – Södertörn.pdf')).toBe(
      'Protokollsutdrag KS 2019-10-14 § 142 – Södertörn.pdf',
    );
  });

  it('keeps only the last part of a path', () => {
    expect(keptName('C:\\Users\\anna\\Desktop\\protokoll.pdf')).toBe('protokoll.pdf');
    expect(keptName('/home/anna/protokoll.pdf')).toBe('protokoll.pdf');
  });

  it('removes control and format characters, and shortens a very long name', () => {
    expect(keptName('protokoll\u202Efdp.exe')).toBe('protokollfdp.exe');
    expect(keptName('rad\nbrytning.pdf')).toBe('radbrytning.pdf');
    expect(keptName(`${'a'.repeat(300)}.pdf`)).toHaveLength(200);
  });

  it('names a file with no name left "dokument"', () => {
    expect(keptName('')).toBe('dokument');
    expect(keptName('  \u200B ')).toBe('dokument');
    expect(keptName('mapp/')).toBe('dokument');
  });
});
