import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCollaboration } from '../../src/app/collaboration.js';
import { listProgrammes } from '../../src/app/programmes/list-programmes.js';
import { getProgramme } from '../../src/app/programmes/get-programme.js';
import { seedDemo } from '../../src/seed/seed-demo.js';
import { migrateToLatest } from '../../src/storage/migrations/index.js';
import { testDialects } from '../support/databases.js';
import { openTestContext, type TestContext } from '../support/context.js';

describe.each(testDialects)('the real demo on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await openTestContext(dialect);
  });
  afterAll(() => t.close());

  it('loads the cooperation with its eight members, bodies and networks', async () => {
    const { collaboration, members, bodies, networks } = await getCollaboration(t.ctx);
    expect(collaboration.name).toBe('Södertörnssamarbetet');
    expect(members.map((m) => m.code).sort()).toEqual(['0126', '0127', '0128', '0136', '0138', '0140', '0181', '0192']);
    expect(bodies.filter((b) => b.kind === 'board')).toHaveLength(8);
    expect(bodies.filter((b) => b.kind === 'committee')).toHaveLength(1);
    expect(networks.map((n) => n.name)).toContain('Klimatstrateger');
  });

  it('derives each programme status from the recorded decisions', async () => {
    const items = await listProgrammes(t.ctx);
    expect(items.map((i) => [i.programme.slug, i.status.kind])).toEqual([
      ['sup-2013', 'replaced'],
      ['sup-2035-proposal', 'replaced'],
      ['sup-2035', 'replaced'],
      ['sup-2035-rev-2021', 'replaced'],
      ['sup-2023', 'in_force'],
    ]);
  });

  it('reads a programme back with structure, lineage and decisions', async () => {
    const view = await getProgramme(t.ctx, 'sup-2035');
    expect(view.programme.focusAreas.map((a) => a.name)).toEqual([
      'Infrastruktur',
      'Näringsliv och högskola',
      'Olikhet och mångfald',
      'Klimat',
    ]);
    expect(view.programme.perspectives.map((p) => p.name)).toEqual(['Hållbar utveckling', 'Klimat']);
    expect(view.decisions).toHaveLength(8);
    expect(
      view.decisions.every(
        (d) =>
          d.decided.precision === 'on_or_before' &&
          d.decided.precision === 'on_or_before' &&
          d.decided.date === '2019-10-11',
      ),
    ).toBe(true);
    const infra = view.programme.focusAreas[0]!.goals[0]!;
    expect(view.goalPredecessors.get(infra.id)?.map((l) => l.programme.slug)).toEqual(['sup-2013']);
    expect(view.status.inForceFrom).toEqual({ precision: 'on_or_before', date: '2019-10-11' });
  });

  it('does not seed twice, and migrating again changes nothing', async () => {
    expect(await seedDemo(t.ctx)).toBe(false);
    expect(await migrateToLatest(t.storage)).toEqual([]);
    expect(await listProgrammes(t.ctx)).toHaveLength(5);
  });
});
