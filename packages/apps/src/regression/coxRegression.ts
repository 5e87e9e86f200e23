import type { PluginContext } from '@plexus/runtime';
import type { Block, PluginOutput } from '@plexus/spec';
import type { CoxTies } from '@plexus/stats';
import { fitCoxModel } from './coxModel.ts';
import { forestPlot } from './forestPlot.ts';

/**
 * Cox proportional hazards regression of an endpoint on chosen attributes: hazard ratios with CIs as a
 * table and a forest plot, the model's likelihood-ratio, Wald and score tests, and its concordance —
 * the numbers R's summary(coxph(...)) prints.
 */
export async function coxRegression(context: PluginContext): Promise<PluginOutput> {
  const { params, model } = context;
  const endpointId = String(params.endpoint);
  const endpoint = model.endpoints.find((candidate) => candidate.id === endpointId);
  const ids = (params.covariates as string[]) ?? [];
  const attributes = ids
    .map((id) => model.attributes.find((attribute) => attribute.id === id))
    .filter((attribute) => attribute !== undefined);
  if (!endpoint || attributes.length !== ids.length)
    throw new Error('endpoint or covariate missing from the model');
  const confLevel = Number(params.confLevel);
  const percent = Math.round(confLevel * 100);
  const frame = await context.frame({
    cohort: params.cohort as never,
    columns: [...ids, `endpoint:${endpointId}`],
  });
  const { fit, labels } = fitCoxModel(frame, `endpoint:${endpointId}`, attributes, {
    ties: String(params.ties) as CoxTies,
    confLevel,
  });
  const rows = fit.terms.map((term) => ({ ...term, label: labels.get(term.term) ?? term.term }));
  const test = (id: string, name: string, result: { test: number; df: number; p: number }): Block => ({
    id,
    type: 'statistic',
    name,
    value: result.test,
    df: result.df,
    p: result.p,
  });
  const blocks: Block[] = [
    {
      id: 'summary',
      type: 'markdown',
      text: `Cox proportional hazards model of **${endpoint.label}** on ${attributes.map((attribute) => attribute.label).join(', ')}: ${fit.n} ${context.product.entity.plural}, ${fit.events} events${fit.nDropped > 0 ? `; ${fit.nDropped} left out for missing values` : ''}. Ties handled by the ${fit.ties === 'efron' ? 'Efron' : 'Breslow'} approximation; ${percent}% confidence intervals.`,
    },
    { id: 'forest-plot', type: 'chart', title: 'Hazard ratios', spec: forestPlot(rows, percent) },
    {
      id: 'coefficients',
      type: 'table',
      title: 'Coefficients',
      columns: [
        { id: 'term', label: 'Term', type: 'string' },
        { id: 'label', label: 'Meaning', type: 'string' },
        { id: 'coef', label: 'coef', type: 'number' },
        { id: 'hr', label: 'Hazard ratio', type: 'number' },
        { id: 'lower', label: `${percent}% CI lower`, type: 'number' },
        { id: 'upper', label: `${percent}% CI upper`, type: 'number' },
        { id: 'se', label: 'SE(coef)', type: 'number' },
        { id: 'z', label: 'z', type: 'number' },
        { id: 'p', label: 'p', type: 'number' },
      ],
      rows: rows.map((row) => [
        row.term,
        row.label,
        row.coef,
        row.hr,
        row.lower,
        row.upper,
        row.se,
        row.z,
        row.p,
      ]),
    },
    test('likelihood-ratio', 'likelihood-ratio test', fit.lrt),
    test('wald', 'Wald test', fit.wald),
    test('score', 'score (log-rank) test', fit.score),
    { id: 'concordance', type: 'statistic', name: 'concordance (Harrell C)', value: fit.concordance },
  ];
  return {
    title: `Cox regression: ${endpoint.label}`,
    summary: `${fit.terms.length} terms, likelihood-ratio p = ${fit.lrt.p.toPrecision(3)}, concordance ${fit.concordance.toFixed(3)}`,
    blocks,
  };
}
