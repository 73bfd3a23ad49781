import { describe, expect, it } from 'vitest';
import type { HistoryNames } from '../app/audit/get-history.js';
import { changeLines } from './history-changes.js';

const names: HistoryNames = {
  programmes: new Map([[1, 'Södertörns utvecklingsprogram 2035 (sup-2035)']]),
  networks: new Map([[3, 'Klimatstrateger']]),
  members: new Map([[2, 'Botkyrka']]),
  bodies: new Map(),
  focusAreas: new Map([[21, 'Infrastruktur']]),
  goals: new Map([[9, '”Snabbare tåg” (sup-2013)']]),
};

describe('change lines of a history entry', () => {
  it('labels changed parts by their names and shows ids as names, skipping unchanged context', () => {
    const lines = changeLines(
      {
        entityType: 'programme',
        before: {
          'goals.31.title': 'Snabbare kollektivtrafik',
          'goals.31.networkId': null,
          'goals.31.predecessorGoalIds': [],
          'perspectives.12.name': 'Klimat',
        },
        after: {
          'goals.31.title': 'Snabbare kollektivtrafik',
          'goals.31.networkId': 3,
          'goals.31.predecessorGoalIds': [9],
          'goals.31.statements.12': 'Mindre utsläpp',
          'perspectives.12.name': 'Klimat',
          vision: 'Ny vision',
        },
      },
      names,
    );
    expect(lines).toEqual([
      { label: 'Vision', before: '–', after: 'Ny vision' },
      { label: 'Målet ”Snabbare kollektivtrafik”: ansvarigt nätverk', before: '–', after: 'Klimatstrateger' },
      { label: 'Målet ”Snabbare kollektivtrafik”: föregående mål', before: '–', after: ['”Snabbare tåg” (sup-2013)'] },
      { label: 'Målet ”Snabbare kollektivtrafik”: bidrag till klimat', before: '–', after: 'Mindre utsläpp' },
    ]);
  });

  it('shows a created record’s stored fields without a before, codes in words', () => {
    const lines = changeLines(
      {
        entityType: 'decision',
        before: null,
        after: {
          programmeId: 1,
          memberId: 2,
          bodyId: null,
          outcome: 'adopted',
          datePrecision: 'on_or_before',
          note: '',
        },
      },
      names,
    );
    expect(lines).toEqual([
      { label: 'Program', after: 'Södertörns utvecklingsprogram 2035 (sup-2035)' },
      { label: 'Kommun', after: 'Botkyrka' },
      { label: 'Hur säkert datumet är känt', after: 'Senast det datumet' },
      { label: 'Beslut', after: 'Antaget' },
    ]);
  });
});
