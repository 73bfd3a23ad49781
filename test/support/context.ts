import { createContext, type AppContext } from '../../src/app/context.js';
import type { DialectName } from '../../src/storage/dialect/dialect.js';
import { seedDemo } from '../../src/seed/seed-demo.js';
import { openTestStorage, type TestStorage } from './databases.js';

/** The date the tests live on, so statuses do not change with the calendar. */
export const TEST_NOW = new Date('2026-11-27T10:00:00Z');

export interface TestContext {
  ctx: AppContext;
  storage: TestStorage;
  close: () => Promise<void>;
}

/** A fresh database on `dialect`, migrated and (by default) loaded with the real Södertörn demo. */
export async function openTestContext(
  dialect: DialectName,
  options: { seed?: boolean; now?: Date } = {},
): Promise<TestContext> {
  const storage = await openTestStorage(dialect);
  const ctx = createContext(storage, () => options.now ?? TEST_NOW);
  if (options.seed ?? true) await seedDemo(ctx);
  return { ctx, storage, close: storage.close };
}
