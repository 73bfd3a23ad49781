import type { AppContext } from '../../src/app/context.js';
import type { DialectName } from '../../src/storage/dialect/dialect.js';
import { seedDemo } from '../../src/seed/seed-demo.js';
import { openTestStorage, type TestStorage } from './databases.js';
import { createTestContext, TEST_NOW } from './test-context.js';

export { createTestContext, TEST_NOW, TEST_PASSWORD_HASH_COST } from './test-context.js';

export interface TestContext {
  ctx: AppContext;
  storage: TestStorage;
  close: () => Promise<void>;
}

/**
 * A fresh database on `dialect`, migrated and (by default) loaded with the real Södertörn demo: a copy of
 * the demo template when the clock is TEST_NOW, the demo seeded anew at another `now`.
 */
export async function openTestContext(
  dialect: DialectName,
  options: { seed?: boolean; now?: Date } = {},
): Promise<TestContext> {
  const seed = options.seed ?? true;
  const now = options.now ?? TEST_NOW;
  const fromTemplate = seed && now.getTime() === TEST_NOW.getTime();
  const storage = await openTestStorage(dialect, { content: fromTemplate ? 'demo' : 'migrated' });
  const ctx = createTestContext(storage, () => now);
  if (seed && !fromTemplate) await seedDemo(ctx);
  return { ctx, storage, close: storage.close };
}
