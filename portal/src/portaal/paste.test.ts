import { describe, expect, it } from 'vitest';
import { parseObservations } from './paste';

describe('observations pasted from a spreadsheet', () => {
  it('reads a column of values, dated weekly from the first date, with Dutch decimal commas', () => {
    const pasted = parseObservations('5\n6,5\n\n7.25\n', '2026-01-05', 7);
    expect(pasted.problems).toEqual([]);
    expect(pasted.observations).toEqual([
      { date: '2026-01-05', value: 5 }, { date: '2026-01-12', value: 6.5 }, { date: '2026-01-19', value: 7.25 }]);
  });

  it('reads date and value columns with a note, in ISO or Dutch dates', () => {
    const pasted = parseObservations('2026-02-01\t12\tstart\n15-02-2026;14,5', '', 7);
    expect(pasted.observations).toEqual([{ date: '2026-02-01', value: 12, note: 'start' }, { date: '2026-02-15', value: 14.5 }]);
  });

  it('says which lines it could not read instead of guessing', () => {
    const pasted = parseObservations('veel\n31-02-2026\t4\n2026-03-01\tx', '2026-01-05', 7);
    expect(pasted.observations).toEqual([]);
    expect(pasted.problems).toEqual([
      'Regel 1: "veel" is geen getal en geen datum.',
      'Regel 2: "31-02-2026" is geen getal en geen datum.',
      'Regel 3: "x" is geen getal.']);
  });

  it('asks for the first date when only values are given', () => {
    expect(parseObservations('5', '', 7).problems).toEqual(['Regel 1: kies eerst de datum van de eerste meting.']);
  });
});
