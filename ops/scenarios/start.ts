/**
 * (0) The instances are started at the same moment on an empty database, as systemd starts
 * samverkan@3001…3003 after an upgrade: one of them migrates (kysely's Migrator holds a PostgreSQL
 * advisory lock), the others wait and find the structure current; all of them come up.
 */
import { scenario } from '../report.js';
import type { Stack } from '../stack.js';

const FIRST_ADMIN_EMAIL = 'administrator@samverkan.invalid';

export const startScenario = (stack: Stack) =>
  scenario('0', 'simultaneous start on an empty database migrates once', async (f) => {
    const started = performance.now();
    for (const instance of stack.instances) instance.start();
    const outcomes = await Promise.allSettled(stack.instances.map((i) => i.waitReady()));
    const readySeconds = (performance.now() - started) / 1000;
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'rejected')
        f.problems.push(`${stack.instances[i]!.name} did not start: ${outcome.reason}`);
    });
    f.figure('all healthy after', `${readySeconds.toFixed(1)} s`);

    const migrated = stack.instances.filter((i) => i.events().some((e) => e.event === 'database.migrated'));
    const migrations = migrated.flatMap((i) =>
      i.events().flatMap((e) => (e.event === 'database.migrated' ? (e.migrations as string[]) : [])),
    );
    f.figure('instances that migrated', `${migrated.length} (${migrated.map((i) => i.name).join(', ') || 'none'})`);
    f.check(migrated.length === 1, `${migrated.length} instances logged database.migrated; exactly one should`);
    const recorded = await stack.cluster.query<{ name: string }>('select name from kysely_migration order by name');
    f.figure('migrations recorded', `${recorded.length} (applied ${migrations.length} times in all)`);
    f.check(
      recorded.length > 0 && migrations.length === recorded.length,
      `kysely_migration has ${recorded.length} rows but the logs applied ${migrations.length} migrations`,
    );
    const [admins] = await stack.cluster.query<{ n: number }>('select count(*)::int as n from users where email = $1', [
      FIRST_ADMIN_EMAIL,
    ]);
    f.figure('first administrator accounts', admins?.n ?? 0);
    f.check(admins?.n === 1, `${admins?.n} first-administrator accounts; there should be one`);
    const seeded = stack.instances.filter((i) => i.events().some((e) => e.event === 'demo.seeded'));
    f.figure('demo seeded by', seeded.map((i) => i.name).join(', ') || 'none');
    f.check(seeded.length === 1, 'the demo should be seeded once (SEED_DEMO=true on the first instance only)');
    for (const instance of stack.instances)
      if (!instance.running) {
        // Let the other scenarios run: start it again now that the database is migrated.
        f.note(`${instance.name} had exited; started again so the other scenarios can run`);
        instance.start();
        await instance.waitReady();
      }
    f.headline = `${migrated.length} of ${stack.instances.length} migrated, ${recorded.length} migrations, up in ${readySeconds.toFixed(1)} s`;
  });
