/**
 * Thrown when a statistical routine is handed input it cannot analyse (mismatched lengths, negative
 * times, a single group for a comparison...). The message says what is wrong and how to fix it, so
 * callers can show it to a user as is; `field` names the offending argument when there is one.
 */
export class StatsInputError extends Error {
  override readonly name = 'StatsInputError';
  readonly field: string | undefined;

  constructor(message: string, field?: string) {
    super(message);
    this.field = field;
  }
}
