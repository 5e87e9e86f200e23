/** Transformation used for pointwise confidence limits of a survival curve (R's survfit `conf.type`). */
export type ConfType = 'log' | 'log-log' | 'plain';

/**
 * Pointwise confidence limits for S(t) given seLog, the standard error of log S(t) (Greenwood),
 * reproducing survival:::survfit_confint: 'log' is exp(log S -/+ z se) with the upper limit clipped
 * at 1; 'log-log' is exp(-exp(log(-log S) +/- z se / log S)) and undefined where S is 0 or 1;
 * 'plain' is S -/+ z se S clipped to [0, 1]. Where S = 0 every type is undefined (NaN), as R's NA.
 */
export function confidenceLimits(
  surv: number,
  seLog: number,
  z: number,
  confType: ConfType,
): { lower: number; upper: number } {
  if (surv === 0) return { lower: Number.NaN, upper: Number.NaN };
  switch (confType) {
    case 'log': {
      const width = z * seLog;
      return {
        lower: Math.exp(Math.log(surv) - width),
        upper: Math.min(Math.exp(Math.log(surv) + width), 1),
      };
    }
    case 'log-log': {
      if (surv === 1) return { lower: Number.NaN, upper: Number.NaN };
      const logSurv = Math.log(surv);
      const width = (z * seLog) / logSurv;
      const center = Math.log(-logSurv);
      return { lower: Math.exp(-Math.exp(center - width)), upper: Math.exp(-Math.exp(center + width)) };
    }
    case 'plain': {
      const width = z * seLog * surv;
      return { lower: Math.max(surv - width, 0), upper: Math.min(surv + width, 1) };
    }
  }
}
