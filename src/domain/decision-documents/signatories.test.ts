import { describe, expect, it } from 'vitest';
import { findSignatories } from './signatories.js';

// Invented examples.
describe('findSignatories', () => {
  it('reads names after the labels of minutes, on the line or below it', () => {
    const text = `Underskrifter
Sekreterare ..............................
Anna Lindqvist
Ordförande ..............................
Per-Olof Sandberg
Justerande ..............................
Karin Åström
`;
    expect(findSignatories(text).names).toEqual(['Anna Lindqvist', 'Per-Olof Sandberg', 'Karin Åström']);
  });

  it('splits justerare at commas, "och" and wide gaps, and strips titles', () => {
    expect(findSignatories('Justeras: Ahmed Hassan och Sofia Lind').names).toEqual(['Ahmed Hassan', 'Sofia Lind']);
    expect(findSignatories('Justerare\nLena Ek, ordförande    Ola Berg').names).toEqual(['Lena Ek', 'Ola Berg']);
    expect(findSignatories('Ordförande Maria von Platen').names).toEqual(['Maria von Platen']);
  });

  it('reads a memo’s signature block and keeps a double surname whole', () => {
    const text = 'Kommunstyrelseförvaltningen\n\n| N\nBritt-Marie Lundberg Björk\nKommundirektör Chef Medborgarfokus\n';
    const found = findSignatories(text);
    expect(found.names).toEqual(['Britt-Marie Lundberg Björk']);
    expect(found.evidence[0]!.text).toBe('Britt-Marie Lundberg Björk');
  });

  it('does not take headings or sentences for names', () => {
    expect(
      findSignatories('Ordförande i kommunstyrelsen har ordet.\nKommunstyrelsens Beslut\nSammanfattning').names,
    ).toEqual([]);
    expect(findSignatories('Justeras\n2019-10-17').names).toEqual([]);
  });
});
