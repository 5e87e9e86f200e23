import { describe, expect, it } from 'vitest';
import { resolveDisclosurePolicy } from './DisclosurePolicy.ts';
import { guardEstimate } from './guardEstimate.ts';

const policy = resolveDisclosurePolicy({ minCellCount: 5 });

describe('guardEstimate', () => {
  it('releases an estimate resting on enough entities and events', () => {
    const estimate = {
      n: 100,
      events: 60,
      logHazardRatio: -0.2,
      se: 0.1,
      arms: [
        { label: 'control', n: 50, events: 32 },
        { label: 'treated', n: 50, events: 28 },
      ],
    };
    expect(guardEstimate(estimate, policy)).toEqual({ ok: true, estimate });
  });

  it('refuses when n, events or non-events are below the threshold, overall or in an arm', () => {
    expect(guardEstimate({ n: 4 }, policy)).toMatchObject({ ok: false });
    expect(guardEstimate({ n: 100, events: 3 }, policy)).toEqual({
      ok: false,
      reasons: ['overall: fewer than 5 events'],
    });
    expect(guardEstimate({ n: 100, events: 98 }, policy)).toEqual({
      ok: false,
      reasons: ['overall: fewer than 5 entities without the event'],
    });
    const arm = guardEstimate(
      {
        n: 100,
        events: 40,
        arms: [
          { label: 'control', n: 96, events: 38 },
          { label: 'treated', n: 4, events: 2 },
        ],
      },
      policy,
    );
    expect(arm.ok).toBe(false);
    if (!arm.ok) expect(arm.reasons.every((reason) => reason.startsWith('treated'))).toBe(true);
  });

  it('refuses an estimate without events', () => {
    expect(guardEstimate({ n: 100, events: 0 }, policy).ok).toBe(false);
  });

  it('names no counts in its reasons', () => {
    const refused = guardEstimate({ n: 3, events: 1 }, policy);
    if (refused.ok) throw new Error('expected a refusal');
    for (const reason of refused.reasons) expect(reason).not.toMatch(/\b[1-3]\b/);
  });
});
