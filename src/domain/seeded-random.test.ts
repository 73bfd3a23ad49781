import { describe, expect, it } from 'vitest';
import { seededRandom } from './seeded-random.js';

describe('seededRandom', () => {
  it('has a seeded generator in [0, 1)', () => {
    const random = seededRandom(42);
    const xs = Array.from({ length: 1000 }, () => random());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(42)()).toBe(xs[0]);
  });
});
