import { describe, expect, it } from 'vitest';
import type { Programme } from '../programme/programme.js';
import { decisionRecordedSummary, programmeChangeSummary, swedishList } from './audit-summary-sv.js';
import { programmeSnapshot } from './snapshots.js';
import { sampleProgramme } from '../../../test/support/sample-programme.js';

const summary = (edit: (p: Programme) => void) => {
  const after = sampleProgramme();
  edit(after);
  return programmeChangeSummary(programmeSnapshot(sampleProgramme()), programmeSnapshot(after));
};

describe('summaries of draft changes', () => {
  it('names changed fields of the programme itself', () => {
    expect(
      summary((p) => {
        p.name = 'Prov 2';
        p.vision = 'Ny';
      }),
    ).toBe('Utkastet ”Prov 2”: ändrade namn och vision.');
  });

  it('names parts added, changed and removed', () => {
    expect(summary((p) => p.perspectives.push({ id: 13, position: 3, name: 'Jämlikhet', description: '' }))).toBe(
      'Utkastet ”Prov”: lade till perspektivet ”Jämlikhet”.',
    );
    expect(summary((p) => (p.focusAreas[0]!.goals[0]!.description = 'Mer'))).toBe(
      'Utkastet ”Prov”: ändrade målet ”Snabbare kollektivtrafik”.',
    );
    expect(summary((p) => (p.focusAreas[0]!.goals = []))).toBe(
      'Utkastet ”Prov”: tog bort målet ”Snabbare kollektivtrafik”.',
    );
  });

  it('does not list what goes with a removal: an area’s goals, statements on a removed perspective', () => {
    expect(summary((p) => (p.focusAreas = []))).toBe('Utkastet ”Prov”: tog bort fokusområdet ”Infrastruktur”.');
    expect(
      summary((p) => {
        p.perspectives = p.perspectives.filter((x) => x.id !== 11);
        delete p.focusAreas[0]!.goals[0]!.statements[11];
      }),
    ).toBe('Utkastet ”Prov”: tog bort perspektivet ”Hållbar utveckling”.');
  });

  it('says when only the order changed, and when nothing did', () => {
    expect(
      summary((p) => {
        p.perspectives[0]!.position = 2;
        p.perspectives[1]!.position = 1;
      }),
    ).toBe('Utkastet ”Prov”: ändrade ordningen av perspektiven.');
    expect(summary(() => {})).toBe('Utkastet ”Prov” sparades utan ändringar i innehållet.');
  });

  it('sums up beyond four parts', () => {
    const text = summary((p) => {
      p.name = 'X';
      for (let i = 0; i < 5; i++) p.perspectives.push({ id: 100 + i, position: 3 + i, name: `P${i}`, description: '' });
    });
    expect(text).toBe(
      'Utkastet ”X”: ändrade namn; lade till perspektivet ”P0”; lade till perspektivet ”P1”; 3 ändringar till.',
    );
  });
});

describe('other summaries', () => {
  it('lists in Swedish', () => {
    expect(swedishList(['a'])).toBe('a');
    expect(swedishList(['a', 'b', 'c'])).toBe('a, b och c');
  });

  it('describes a decision with its body, outcome, date and paragraph', () => {
    expect(
      decisionRecordedSummary({
        programmeName: 'SUP 2035',
        bodyName: null,
        bodyKind: 'committee',
        outcome: 'referred_back',
        decided: { precision: 'unknown' },
        paragraph: '',
      }),
    ).toBe('Registrerade beslut om ”SUP 2035”: Samarbetskommittén – återremitterat, datum okänt.');
  });
});
