/**
 * A protocol that takes as long as it is told, reporting progress: the test's stand-in for a long
 * analysis. Written into a temporary copy of a product, never into an example product.
 */
export const SLOW_PROTOCOL = `apiVersion: plexus.dev/v1
kind: Protocol
id: slow-count
version: 1.0.0
title: Slow count
description: Counts the cohort slowly, reporting progress.
category: testing
parameters:
  cohort:
    type: cohort
  seconds:
    type: number
    minimum: 0
    maximum: 60
    default: 3
plugin:
  module: plugins/slow.ts
  export: slowCount
`;

export const SLOW_PLUGIN = `import type { PluginContext } from '@plexus/runtime';

export async function slowCount(ctx: PluginContext) {
  const frame = await ctx.frame({ cohort: ctx.params.cohort as never, columns: [] });
  const steps = 20;
  for (let step = 1; step <= steps; step++) {
    await new Promise((resolve) => setTimeout(resolve, ((ctx.params.seconds as number) * 1000) / steps));
    ctx.progress(step / steps, \`step \${step} of \${steps}\`);
  }
  return {
    title: 'Slow count',
    blocks: [{ id: 'count', type: 'statistic', name: 'patients', value: frame.ids.length }],
  };
}
`;
