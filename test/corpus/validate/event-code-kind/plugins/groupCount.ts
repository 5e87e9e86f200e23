import type { PluginContext } from '@plexus/runtime';
import type { PluginOutput } from '@plexus/spec';

/** Just enough of a plugin for validation to load it and find its export: the corpus never runs it. */
export function groupCount(context: PluginContext): PluginOutput {
  return { title: `Patients per ${String(context.params.groupBy)}`, blocks: [] };
}
