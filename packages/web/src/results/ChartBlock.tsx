import { useEffect, useMemo, useRef, useState } from 'react';
import { chartName } from './chartName.ts';
import { responsiveSpec } from './chartSpec.ts';

/**
 * A Vega-Lite chart embedded with vega-embed, without actions, at the container's width. Expressions
 * are interpreted (no eval), as the page's Content-Security-Policy has no 'unsafe-eval'.
 */
export function ChartBlock(props: { title?: string; spec: Record<string, unknown> }) {
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  // Keyed by content: a run followed to its end arrives as several equal documents, and re-embedding
  // each would only flicker.
  const specText = useMemo(() => JSON.stringify(props.spec), [props.spec]);
  const spec = useMemo(() => responsiveSpec(JSON.parse(specText) as Record<string, unknown>), [specText]);

  useEffect(() => {
    const host = container.current;
    if (!host) return;
    // Each embedding draws into its own element: one still loading when the spec changes finalizes
    // its own drawing, never the next one's.
    const element = document.createElement('div');
    host.appendChild(element);
    let cancelled = false;
    let finalize: (() => void) | undefined;
    setError(null);
    Promise.all([import('vega-embed'), import('vega-interpreter')])
      .then(async ([{ default: embed }, { expressionInterpreter }]) => {
        if (cancelled) return;
        const result = await embed(element, spec, {
          actions: false,
          ast: true,
          expr: expressionInterpreter,
          renderer: 'svg',
        });
        if (cancelled) result.finalize();
        else finalize = () => result.finalize();
      })
      .catch((reason: unknown) => {
        if (!cancelled) setError(reason instanceof Error ? reason.message : String(reason));
      });
    return () => {
      cancelled = true;
      finalize?.();
      element.remove();
    };
  }, [spec]);

  const name = chartName(props.title, props.spec);
  return (
    <section className="result-block result-chart">
      {props.title ? <h3>{props.title}</h3> : null}
      <div ref={container} className="result-chart-canvas" role="img" aria-label={name} />
      {error ? <p role="alert">The chart could not be drawn: {error}</p> : null}
    </section>
  );
}
