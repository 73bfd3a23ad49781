import { describe, expect, it } from 'vitest';
import { scanChannel } from './scan-channel.js';
import { wordErrorRate } from './word-error-rate.js';

const CLEAN =
  'Kommunstyrelsen föreslås godkänna förslaget till gemensam årsplan för nätverken. Målen följs upp varje år ' +
  'och redovisas för samarbetskommittén i Södertörns kommuner, senast 2024-05-31 enligt § 12.';

describe('scanChannel', () => {
  it('gives the same damage for the same seed and other damage for another', () => {
    expect(scanChannel(CLEAN, { seed: 7 })).toBe(scanChannel(CLEAN, { seed: 7 }));
    expect(scanChannel(CLEAN, { seed: 7 })).not.toBe(scanChannel(CLEAN, { seed: 8 }));
  });

  it('damages å, ä and ö as the memo shows (all of them by default)', () => {
    const damaged = scanChannel(CLEAN, { seed: 1, runTogetherRate: 0, iAsOneRate: 0, otherLetterRate: 0 });
    expect(damaged).not.toMatch(/[åäöÅÄÖ]/u);
    expect(wordErrorRate(damaged, CLEAN).rate).toBeGreaterThan(0.2);
  });

  it('leaves text alone at zero rates and never touches digits or §', () => {
    const zero = { seed: 3, diacriticRate: 0, runTogetherRate: 0, iAsOneRate: 0, otherLetterRate: 0 };
    expect(scanChannel(CLEAN, zero)).toBe(CLEAN);
    for (let seed = 1; seed <= 20; seed++) {
      const damaged = scanChannel(CLEAN, { seed });
      expect(damaged).toContain('2024-05-31');
      expect(damaged).toContain('§ 12');
    }
  });

  it('keeps capitals capital', () => {
    expect(scanChannel('Örebro Åsa Ärende', { seed: 2 })).toMatch(/^[A-ZÉ]/u);
  });
});
