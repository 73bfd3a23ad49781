/**
 * The adoption overview reads what it shows once: the cooperation one time (not once per helper it
 * calls), and the bodies come with it, so the page needs no second read of the cooperation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAdoption } from '../../src/app/adoption/get-adoption.js';
import { openTestContext, type TestContext } from '../support/context.js';
import { counting } from '../support/counting-queries.js';
import { testDialects } from '../support/databases.js';

describe.each(testDialects)('the adoption overview on %s', (dialect) => {
  let t: TestContext;
  beforeAll(async () => {
    t = await openTestContext(dialect);
  });
  afterAll(() => t?.close());

  it('reads the cooperation once and brings its bodies and every member', async () => {
    const { ctx, countOf } = counting(t.ctx);
    const overview = await getAdoption(ctx, 'sup-2035');
    expect(countOf('collaborations')).toBe(1);
    expect(countOf('bodies')).toBe(1);
    expect(overview.members.map((m) => m.member.name)).toContain('Huddinge');
    expect(overview.members).toHaveLength(8);
    expect(overview.bodies.some((b) => b.kind === 'committee')).toBe(true);
  });
});
