import type { Programme } from '../../src/domain/programme/programme.js';

/** A small draft with one of everything (two perspectives, an area, a goal with a strategy and lineage). */
export const sampleProgramme = (): Programme => ({
  id: 1,
  collaborationId: 1,
  slug: 'prov',
  name: 'Prov',
  targetYear: 2035,
  validFromYear: 2027,
  validToYear: 2030,
  vision: 'Vision',
  overarchingGoal: '',
  state: 'draft',
  adoptionRule: 'all_members',
  replacesProgrammeId: null,
  derivedFromProgrammeId: null,
  statedChanges: [],
  note: '',
  source: '',
  version: 3,
  createdAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
  perspectives: [
    { id: 11, position: 1, name: 'Hållbar utveckling', description: '' },
    { id: 12, position: 2, name: 'Klimat', description: '' },
  ],
  focusAreas: [
    {
      id: 21,
      position: 1,
      name: 'Infrastruktur',
      description: '',
      networkId: 3,
      note: '',
      goals: [
        {
          id: 31,
          focusAreaId: 21,
          position: 1,
          title: 'Snabbare kollektivtrafik',
          description: '',
          networkId: null,
          statements: { 11: 'Fler reser hållbart', 12: '' },
          predecessorGoalIds: [9, 4],
          strategies: [{ id: 41, position: 1, text: 'Bygga ut' }],
          note: '',
        },
      ],
    },
  ],
});
