import { describe, expect, it } from 'vitest';
import { StatsInputError } from '../StatsInputError.ts';
import { riskTable } from './riskTable.ts';

describe('riskTable', () => {
  it('counts at risk, events and censorings at grid times that hold every time', () => {
    // times 2, 3+, 3, 5, 7+ on grid [2, 3, 5, 7]
    const t = riskTable([2, 3, 3, 5, 7], [1, 0, 1, 1, 0], [2, 3, 5, 7]);
    expect(t).toEqual({
      time: [2, 3, 5, 7],
      nRisk: [5, 4, 2, 1],
      nEvent: [1, 1, 1, 0],
      nCensor: [0, 1, 0, 1],
    });
  });

  it('rounds events up and censorings down to the grid; late events are censored at the last time', () => {
    // event 1 -> 10; censored 4 -> 0; event 10 -> 10; censored 15 -> 10; event 25 -> censored at 20.
    const t = riskTable([1, 4, 10, 15, 25], [true, false, true, false, true], [0, 10, 20]);
    expect(t.nEvent).toEqual([0, 2, 0]);
    expect(t.nCensor).toEqual([1, 1, 1]);
    expect(t.nRisk).toEqual([5, 4, 1]);
  });

  it('leaves out subjects censored before the first grid time', () => {
    // censored 1: before the grid; event 6 -> 10; censored 8 -> 5.
    const t = riskTable([1, 6, 8], [0, 1, 0], [5, 10]);
    expect(t).toEqual({ time: [5, 10], nRisk: [2, 1], nEvent: [0, 1], nCensor: [1, 0] });
  });

  it('keeps nRisk[j + 1] = nRisk[j] - nEvent[j] - nCensor[j] and nRisk[0] = subjects on the grid', () => {
    const time = [3, 8, 8, 13, 21, 21, 34, 55];
    const t = riskTable(time, [1, 1, 0, 0, 1, 1, 0, 1], [0, 10, 20, 30, 40]);
    expect(t.nRisk[0]).toBe(time.length);
    for (let j = 0; j + 1 < t.time.length; j++) {
      expect(t.nRisk[j + 1]).toBe(
        (t.nRisk[j] as number) - (t.nEvent[j] as number) - (t.nCensor[j] as number),
      );
    }
  });

  it('rejects a bad grid, bad times and bad status', () => {
    expect(() => riskTable([1], [1], [])).toThrow(/grid is empty/);
    expect(() => riskTable([1], [1], [0, 5, 5])).toThrow(/strictly increasing/);
    expect(() => riskTable([1], [1], [0, Number.NaN])).toThrow(StatsInputError);
    expect(() => riskTable([Number.NaN], [1], [0])).toThrow(/time\[0\] is NaN/);
    expect(() => riskTable([-1], [1], [0])).toThrow(/>= 0/);
    expect(() => riskTable([1], [2], [0])).toThrow(/status\[0\] is 2/);
    expect(() => riskTable([1, 2], [1], [0])).toThrow(/parallel/);
  });
});
