import { describe, expect, it } from 'vitest';
import {
  type KmReference,
  loadReference,
  type SurvivalDatasetName,
  survivalData,
} from '../../test/helpers/datasets.ts';
import { CloseChecker } from '../../test/helpers/expectClose.ts';
import { type KaplanMeierResult, kaplanMeier } from './kaplanMeier.ts';

// Golden values: R 4.2 / survival 3.5-3, summary(survfit(...), censored = TRUE) and print.survfit's
// median table, stored in test/reference/*.survival.json. Every number is compared to 1e-6.
const DATASETS: SurvivalDatasetName[] = ['veteran', 'lung', 'pbc'];

function compareWithR(result: KaplanMeierResult, reference: KmReference): CloseChecker {
  const checker = new CloseChecker(1e-6);
  const names = result.strata.map((s) => s.stratum);
  expect(names).toEqual([...new Set(reference.curve.map((row) => row.stratum))]);
  for (const stratum of result.strata) {
    const rows = reference.curve.filter((row) => row.stratum === stratum.stratum);
    expect(stratum.time.length, `${stratum.stratum}: number of time points`).toBe(rows.length);
    rows.forEach((row, i) => {
      const at = `${stratum.stratum} t=${row.time}`;
      checker.check(`${at} time`, stratum.time[i], row.time);
      checker.check(`${at} n_risk`, stratum.nRisk[i], row.n_risk);
      checker.check(`${at} n_event`, stratum.nEvent[i], row.n_event);
      checker.check(`${at} n_censor`, stratum.nCensor[i], row.n_censor);
      checker.check(`${at} surv`, stratum.surv[i], row.surv);
      checker.check(`${at} std_err`, stratum.stdErr[i], row.std_err);
      checker.check(`${at} lower`, stratum.lower[i], row.lower);
      checker.check(`${at} upper`, stratum.upper[i], row.upper);
    });
    const median = reference.median.find((row) => row.stratum === stratum.stratum);
    expect(median, `median row for ${stratum.stratum}`).toBeDefined();
    checker.check(`${stratum.stratum} n`, stratum.n, median?.n);
    checker.check(`${stratum.stratum} events`, stratum.events, median?.events);
    checker.check(`${stratum.stratum} median`, stratum.median.median, median?.median);
    checker.check(`${stratum.stratum} median lower`, stratum.median.lower, median?.lower);
    checker.check(`${stratum.stratum} median upper`, stratum.median.upper, median?.upper);
  }
  return checker;
}

describe.each(DATASETS)('kaplanMeier matches R on %s', (name) => {
  const reference = loadReference(name);
  const data = survivalData(name, reference);

  it('overall curve: every time point, std err, log CI and the median with its CI', () => {
    expect(reference.km_overall.conf_type).toBe('log');
    const result = kaplanMeier({ time: data.time, event: data.event, confType: 'log' });
    const checker = compareWithR(result, reference.km_overall);
    expect(checker.count).toBe(reference.km_overall.curve.length * 8 + 5);
    checker.expectAllClose();
  });

  it('curves by group: every time point of every stratum, and the medians', () => {
    expect(reference.km_by_group.conf_type).toBe('log');
    const result = kaplanMeier({ time: data.time, event: data.event, group: data.group });
    const checker = compareWithR(result, reference.km_by_group);
    expect(checker.count).toBe(
      reference.km_by_group.curve.length * 8 + reference.km_by_group.median.length * 5,
    );
    checker.expectAllClose();
  });
});
