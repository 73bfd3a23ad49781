import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/app.js';

/**
 * The published document passes Redocly's recommended rules, errors and warnings alike: every operation has
 * an operationId (client generators name their methods by it), says which security applies (`security: []`
 * for the public reads), has an error response, and `info` names the licence. No rule is switched off here;
 * a rule that is wrong for this API would be turned off in this config with the reason beside it.
 *
 * The operationIds are pinned too: renaming one renames a method in every generated client.
 *
 * The document is built from the routes alone, not from the database, so one dialect is enough.
 */

/** One line per problem: severity, rule, message and where in the document (a JSON pointer). */
const describeProblem = (p: NormalizedProblem): string => {
  const where = p.location.map((l) => (l.pointer ?? '#/') + (l.reportOnKey ? ' (key)' : '')).join(', ');
  return `${p.severity} ${p.ruleId}: ${p.message} at ${where}`;
};

describe('the OpenAPI document lints clean with Redocly’s recommended rules', () => {
  let t: TestApp;
  let source: string;
  beforeAll(async () => {
    t = await openTestApp('sqlite');
    const res = await t.app.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    source = await res.text();
  });
  afterAll(() => t.close());

  it('has no errors and no warnings', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    expect(problems.map(describeProblem)).toEqual([]);
  });

  it('names the operations as before: client generators name their methods by operationId', () => {
    const doc = JSON.parse(source) as { paths: Record<string, Record<string, { operationId?: string }>> };
    const named = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => `${operation.operationId}: ${method} ${path}`),
    );
    expect(named.sort()).toEqual([
      'getAnnualReportDocument: get /follow-up/{year}/annual-report',
      'getConferencePack: get /conference-packs/{id}',
      'getIndicatorGroup: get /indicators/{id}/group',
      'getIndicatorValues: get /indicators/{id}/values',
      'getMemberMemo: get /programmes/{id}/memo',
      'getOpenApiDocument: get /openapi.json',
      'getPlan: get /plans/{id}',
      'getProgramme: get /programmes/{id}',
      'getProgrammeAdoption: get /programmes/{id}/adoption',
      'getProgrammeDiff: get /programmes/{id}/diff',
      'getProgrammeDocument: get /programmes/{id}/document',
      'listPlans: get /plans',
      'listProgrammes: get /programmes',
      'readDocument: post /documents/read',
      'recordDecision: post /programmes/{id}/decisions',
      'reportActivity: post /plans/{id}/activities/{activityId}/reports',
      'searchIndicators: get /indicators',
    ]);
  });
});
