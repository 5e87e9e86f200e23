/** The thresholds of a disproportionality signal; by default those of Evans et al. (2001). */
export interface SignalCriteria {
  /** Minimum reports of the drug with the reaction (a); default 3. */
  minReports?: number;
  /** Minimum PRR; default 2. */
  minPrr?: number;
  /** Minimum Yates-corrected chi-square; default 4. */
  minChiSquare?: number;
}

/**
 * Evans, Waller & Davis (2001): a drug–reaction pair is a signal when a ≥ 3, PRR ≥ 2 and χ² ≥ 4.
 * An undefined PRR or chi-square (null) is no signal; an infinite PRR (no other drug has the reaction)
 * passes its threshold.
 */
export function evansSignal(
  a: number,
  prr: number | null,
  chiSquare: number | null,
  criteria: SignalCriteria = {},
): boolean {
  const { minReports = 3, minPrr = 2, minChiSquare = 4 } = criteria;
  return a >= minReports && prr !== null && prr >= minPrr && chiSquare !== null && chiSquare >= minChiSquare;
}
