/** Makes a Vega-Lite spec fill its container's width where that is valid (single and layered views). */
export function responsiveSpec(spec: Record<string, unknown>): Record<string, unknown> {
  const composite = ['facet', 'hconcat', 'vconcat', 'concat', 'repeat'].some((key) => key in spec);
  if (composite || ('width' in spec && typeof spec.width !== 'number')) return spec;
  return {
    ...spec,
    width: 'container',
    autosize: { type: 'fit-x', contains: 'padding', resize: true },
  };
}
