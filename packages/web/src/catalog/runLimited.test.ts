import { describe, expect, it } from 'vitest';
import { runLimited } from './runLimited.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('runLimited', () => {
  it('runs every item, never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await runLimited([1, 2, 3, 4, 5, 6, 7], 3, new AbortController().signal, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      done.push(n);
      running -= 1;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('starts nothing more once aborted', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    await runLimited([1, 2, 3, 4], 1, controller.signal, async (n) => {
      started.push(n);
      if (n === 2) controller.abort();
      await tick();
    });
    expect(started).toEqual([1, 2]);
  });
});
