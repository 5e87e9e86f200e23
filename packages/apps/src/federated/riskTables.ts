import type { PluginContext } from '@plexus/runtime';
import { InputError, type RiskTableAggregates } from '@plexus/spec';
import { riskTable } from '@plexus/stats';
import { defaultGridStep, federatedGrid } from './federatedGrid.ts';
import {
  ALL_GROUP,
  endpointParam,
  groupingParam,
  levelCodes,
  optionalNumber,
  optionalParam,
} from './modelParams.ts';

/**
 * A site's Kaplan–Meier risk tables for a federated `km-pooled`: at risk, events and censorings per
 * time of a grid shared by all sites (riskTable: events rounded up, censorings down to the grid), for
 * the whole cohort (group `all`) or per level of `groupBy` (every level of the model, in its order;
 * a table of zeros where the site has nobody). Entities without the endpoint or `groupBy` are left
 * out. The grid is 0, gridStep, 2·gridStep, … up to gridEnd — from the parameters only, identical at
 * every site — or, without gridEnd, up to the site's largest time (see federatedGrid). Exact counts:
 * the node applies its disclosure control afterwards.
 *
 * Parameters: `cohort` (optional), `endpoint` (endpoint id), `groupBy` (category or boolean attribute
 * id, optional), `gridStep` (in the endpoint's unit; default 30 days, 4 weeks, 1 month or 0.25
 * years), `gridEnd` (optional, same unit).
 */
export async function riskTables(context: PluginContext): Promise<RiskTableAggregates> {
  const { params } = context;
  const endpoint = endpointParam(context);
  const grouping =
    optionalParam(params, 'groupBy') === undefined ? undefined : groupingParam(context, 'groupBy');
  const step = optionalNumber(params, 'gridStep') ?? defaultGridStep(endpoint.unit);
  const end = optionalNumber(params, 'gridEnd');
  const endpointColumn = `endpoint:${endpoint.id}`;
  const frame = await context.frame({
    cohort: params.cohort as never,
    columns: grouping ? [grouping.attribute.id, endpointColumn] : [endpointColumn],
  });
  const outcome = frame.columns[endpointColumn];
  if (outcome?.type !== 'endpoint') throw new Error('frame lacks the endpoint');
  const levels = grouping ? grouping.levels : [ALL_GROUP];
  const codes = grouping
    ? levelCodes(frame.columns[grouping.attribute.id], grouping.levels)
    : new Int32Array(frame.length);
  const times: number[][] = levels.map(() => []);
  const events: number[][] = levels.map(() => []);
  let maxTime = 0;
  for (let entity = 0; entity < frame.length; entity++) {
    const time = outcome.time[entity] ?? Number.NaN;
    const event = outcome.event[entity] ?? -1;
    const code = codes[entity] ?? -1;
    if (code < 0 || !Number.isFinite(time) || event < 0) continue;
    if (time < 0) {
      throw new InputError(
        `${endpoint.label} has a negative time (${time} ${endpoint.unit}); risk tables start at 0`,
      );
    }
    times[code]?.push(time);
    events[code]?.push(event);
    if (time > maxTime) maxTime = time;
  }
  const grid = federatedGrid(step, end, maxTime);
  return {
    kind: 'risk-tables',
    endpoint: { id: endpoint.id, label: endpoint.label, unit: endpoint.unit },
    ...(grouping ? { groupBy: { id: grouping.attribute.id, label: grouping.attribute.label } } : {}),
    grid,
    strata: levels.map((group, index) => {
      const table = riskTable(times[index] ?? [], events[index] ?? [], grid);
      return { group, nRisk: table.nRisk, nEvent: table.nEvent, nCensor: table.nCensor };
    }),
  };
}
