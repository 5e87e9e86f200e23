import type { BuildPhase } from '@plexus/engine';

export interface PhaseTiming {
  phase: BuildPhase;
  ms: number;
}

/**
 * Turns onProgress calls into phase durations: a phase lasts from its first report to the first
 * report of the next phase (or the end of the build). The engine reports each phase as it starts.
 */
export class PhaseClock {
  readonly #starts: Array<{ phase: BuildPhase; at: number }> = [];

  mark(phase: BuildPhase, at = performance.now()): void {
    if (this.#starts.at(-1)?.phase !== phase) this.#starts.push({ phase, at });
  }

  current(): BuildPhase | undefined {
    return this.#starts.at(-1)?.phase;
  }

  durations(end: number): PhaseTiming[] {
    return this.#starts.map(({ phase, at }, index) => ({
      phase,
      ms: (this.#starts[index + 1]?.at ?? end) - at,
    }));
  }
}
