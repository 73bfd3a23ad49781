import { describe, expect, it } from 'vitest';
import { loadDemoDataset } from '../../seed/demo-dataset.js';
import { DomainError } from '../errors.js';
import { goalsOf, type Programme } from './programme.js';
import { assertProposable, checkProposable } from './proposal-rules.js';

function completeProgramme(): Programme {
  return {
    id: 1,
    collaborationId: 1,
    slug: 'sup-2039',
    name: 'Södertörns utvecklingsprogram 2039',
    targetYear: 2039,
    validFromYear: 2023,
    validToYear: 2026,
    vision: '',
    overarchingGoal: '',
    state: 'draft',
    adoptionRule: 'all_members',
    replacesProgrammeId: null,
    derivedFromProgrammeId: null,
    statedChanges: [],
    note: '',
    source: '',
    perspectives: [
      { id: 10, position: 0, name: 'Hållbar utveckling', description: '' },
      { id: 11, position: 1, name: 'Klimat', description: '' },
    ],
    focusAreas: [
      {
        id: 20,
        position: 0,
        name: 'Infrastruktur',
        description: '',
        networkId: null,
        note: '',
        goals: [
          {
            id: 30,
            focusAreaId: 20,
            position: 0,
            title: 'Utnyttja den nya infrastrukturen',
            description: '',
            networkId: null,
            statements: {
              10: 'Tätare kollektivtrafik ger fler hållbara resor.',
              11: 'Färre bilresor minskar utsläppen.',
            },
            predecessorGoalIds: [],
            strategies: [],
            note: '',
          },
        ],
      },
    ],
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const fields = (p: Programme): string[] => checkProposable(p).map((problem) => problem.field);

describe('checkProposable', () => {
  it('accepts a complete programme', () => {
    expect(checkProposable(completeProgramme())).toEqual([]);
    expect(() => assertProposable(completeProgramme())).not.toThrow();
  });

  it('requires a name, a target year and a validity period in order', () => {
    const p = { ...completeProgramme(), name: '  ', targetYear: null, validFromYear: null, validToYear: null };
    expect(fields(p)).toEqual(['name', 'targetYear', 'validFromYear', 'validToYear']);
    const reversed = { ...completeProgramme(), validFromYear: 2026, validToYear: 2023 };
    expect(checkProposable(reversed)).toEqual([
      { field: 'validToYear', message: 'Giltighetsperioden slutar (2023) före den börjar (2026).' },
    ]);
  });

  it('requires perspectives and focus areas, and goals in every focus area', () => {
    expect(fields({ ...completeProgramme(), perspectives: [] })).toEqual(['perspectives']);
    expect(fields({ ...completeProgramme(), focusAreas: [] })).toEqual(['focusAreas']);
    const base = completeProgramme();
    const empty = {
      ...base,
      focusAreas: [
        ...base.focusAreas,
        { id: 21, position: 1, name: 'Klimat', description: '', networkId: null, note: '', goals: [] },
      ],
    };
    expect(checkProposable(empty)).toEqual([
      { field: 'focusAreas.21.goals', message: 'Fokusområdet ”Klimat” saknar mål.' },
    ]);
  });

  it('names the goal and the perspective whose statement is missing or blank', () => {
    const p = completeProgramme();
    const goal = p.focusAreas[0]?.goals[0];
    if (!goal) throw new Error('fixture');
    goal.statements = { 10: 'Tätare kollektivtrafik ger fler hållbara resor.', 11: '   ' };
    expect(checkProposable(p)).toEqual([
      {
        field: 'goals.30.statements.11',
        message:
          'Målet ”Utnyttja den nya infrastrukturen” saknar en redovisning av hur det bidrar till perspektivet ”Klimat”.',
      },
    ]);
  });

  it('refuses the real 2035 programme, naming each of its goals', () => {
    const sup2035 = loadDemoDataset(undefined, '2026-01-01T00:00:00.000Z').programmes.find(
      (p) => p.slug === 'sup-2035',
    );
    if (!sup2035) throw new Error('sup-2035 missing from the demo data');
    const problems = checkProposable(sup2035);
    const goals = goalsOf(sup2035);
    expect(goals).toHaveLength(5);
    expect(problems).toHaveLength(goals.length * 2);
    for (const goal of goals) {
      for (const perspective of sup2035.perspectives) {
        expect(problems).toContainEqual({
          field: `goals.${goal.id}.statements.${perspective.id}`,
          message: `Målet ”${goal.title}” saknar en redovisning av hur det bidrar till perspektivet ”${perspective.name}”.`,
        });
      }
    }

    let error: unknown;
    try {
      assertProposable(sup2035);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'not_proposable',
      message: 'Programmet kan inte föreslås för antagande ännu: det har 10 brister som måste åtgärdas först.',
      problems,
    });
  });
});
