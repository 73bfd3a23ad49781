import { describe, expect, it } from 'vitest';
import { sampleProgramme } from '../../../test/support/sample-programme.js';
import { changedFields, changedKeys, programmeSnapshot } from './snapshots.js';

describe('programme snapshots', () => {
  it('flattens the structure to keys with ids, leaving out empty statements and bookkeeping', () => {
    const s = programmeSnapshot(sampleProgramme());
    expect(s).toMatchObject({
      name: 'Prov',
      'perspectives.12.name': 'Klimat',
      'focusAreas.21.networkId': 3,
      'goals.31.strategies': ['Bygga ut'],
      'goals.31.predecessorGoalIds': [4, 9],
      'goals.31.statements.11': 'Fler reser hållbart',
    });
    expect(s).not.toHaveProperty('goals.31.statements.12');
    expect(s).not.toHaveProperty('version');
    expect(s).not.toHaveProperty('updatedAt');
  });
});

describe('changed fields', () => {
  it('keeps only what changed, with the unchanged names of the parts it belongs to', () => {
    const before = sampleProgramme();
    const after = sampleProgramme();
    after.focusAreas[0]!.goals[0]!.strategies = [{ id: 42, position: 1, text: 'Bygga om' }];
    after.focusAreas[0]!.goals[0]!.statements[12] = 'Mindre utsläpp';
    const { before: b, after: a } = changedFields(programmeSnapshot(before), programmeSnapshot(after));
    expect(b).toEqual({
      'goals.31.title': 'Snabbare kollektivtrafik',
      'goals.31.strategies': ['Bygga ut'],
      'perspectives.12.name': 'Klimat',
    });
    expect(a).toEqual({
      'goals.31.title': 'Snabbare kollektivtrafik',
      'goals.31.strategies': ['Bygga om'],
      'goals.31.statements.12': 'Mindre utsläpp',
      'perspectives.12.name': 'Klimat',
    });
  });

  it('keeps a created or removed record whole, and finds nothing changed in an unchanged one', () => {
    const s = programmeSnapshot(sampleProgramme());
    expect(changedFields(null, s)).toEqual({ before: null, after: s });
    expect(changedFields(s, null)).toEqual({ before: s, after: null });
    expect(changedKeys(s, programmeSnapshot(sampleProgramme()))).toEqual([]);
    expect(changedFields(s, s)).toEqual({ before: {}, after: {} });
  });
});
