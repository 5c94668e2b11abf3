import { describe, expect, it } from 'vitest';
import { explain, pointsNeeded } from './signals';

describe('signals in plain Dutch', () => {
  it('says a shift of six above the median is probably not chance, and whether that is good', () => {
    const shift = { rule: 'SHIFT' as const, points: [5, 6, 7, 8, 9, 10], direction: 'UP', favourable: true };
    expect(explain(shift)).toBe('Zes metingen op rij boven de mediaan: waarschijnlijk geen toeval. Dat is de goede kant op.');
    expect(explain({ ...shift, direction: 'DOWN', favourable: false })).toContain('onder de mediaan');
    expect(explain({ ...shift, direction: 'DOWN', favourable: false })).toContain('verkeerde kant op');
  });

  it('explains every rule the service can report', () => {
    for (const rule of ['SHIFT', 'TREND', 'TOO_FEW_RUNS', 'TOO_MANY_RUNS', 'ASTRONOMICAL_POINT', 'UNUSUALLY_LONG_RUN', 'UNUSUALLY_FEW_CROSSINGS'] as const) {
      expect(explain({ rule, points: [1, 2, 3, 4, 5] })).not.toMatch(/[A-Z_]{4,}/);
    }
  });

  it('counts the points still needed before the rules can speak', () => {
    expect(pointsNeeded({ usefulObservations: 6 })).toBe('Nog 4 metingen nodig voordat de regels iets kunnen zeggen.');
    expect(pointsNeeded({ usefulObservations: 9 })).toContain('Nog 1 meting nodig');
    expect(pointsNeeded({ usefulObservations: 12 })).toBeUndefined();
  });
});
