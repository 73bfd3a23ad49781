/** The store behind the reads shared across requests (src/app/shared-reads.ts), without a database. */
import { describe, expect, it } from 'vitest';
import { oncePerVersion, VersionedReads } from '../../src/app/shared-reads.js';

describe('reads kept per data version', () => {
  const counter = () => {
    let n = 0;
    return { read: async () => ({ n: ++n }), reads: () => n };
  };

  it('keeps a read for its version and reads again for a newer one', async () => {
    const store = new VersionedReads();
    const c = counter();
    expect(await oncePerVersion(store, async () => 1)('k', c.read)).toEqual({ n: 1 });
    expect(await oncePerVersion(store, async () => 1)('k', c.read)).toEqual({ n: 1 });
    expect(await oncePerVersion(store, async () => 2)('k', c.read)).toEqual({ n: 2 });
    expect(c.reads()).toBe(2);
  });

  it('reads, and keeps nothing, for a request that saw an older version than the newest', async () => {
    const store = new VersionedReads();
    const c = counter();
    await oncePerVersion(store, async () => 5)('k', c.read);
    const late = oncePerVersion(store, async () => 4);
    expect(await late('k', c.read)).toEqual({ n: 2 });
    // Within that request once; the newest version's read is untouched.
    expect(await late('k', c.read)).toEqual({ n: 2 });
    expect(await oncePerVersion(store, async () => 5)('k', c.read)).toEqual({ n: 1 });
  });

  it('does not keep a failed read', async () => {
    const store = new VersionedReads();
    const failing = async () => {
      throw new Error('borta');
    };
    await expect(oncePerVersion(store, async () => 1)('k', failing)).rejects.toThrow('borta');
    expect(await oncePerVersion(store, async () => 1)('k', async () => 'nu')).toBe('nu');
  });

  it('keeps at most a thousand keys per version: unknown addresses asked for in bulk are read, not kept', async () => {
    const store = new VersionedReads();
    for (let i = 0; i < 1_000; i++) await oncePerVersion(store, async () => 1)(`slug:${i}`, async () => i);
    const c = counter();
    await oncePerVersion(store, async () => 1)('slug:more', c.read);
    await oncePerVersion(store, async () => 1)('slug:more', c.read);
    expect(c.reads()).toBe(2);
    expect(await oncePerVersion(store, async () => 1)('slug:7', async () => -1)).toBe(7);
  });

  it('freezes what it keeps', async () => {
    const kept = await oncePerVersion(new VersionedReads(), async () => 1)('k', async () => ({ list: [{ a: 1 }] }));
    expect(Object.isFrozen(kept.list[0])).toBe(true);
  });
});
