import { describe, expect, it } from 'vitest';
import { responsiveSpec } from './chartSpec.ts';

describe('responsiveSpec', () => {
  it('fills the container for single and layered views', () => {
    expect(responsiveSpec({ layer: [], width: 500 })).toMatchObject({ width: 'container' });
    expect(responsiveSpec({ mark: 'point' })).toMatchObject({ width: 'container' });
  });
  it('leaves composite views alone', () => {
    const spec = { hconcat: [], width: 300 };
    expect(responsiveSpec(spec)).toBe(spec);
  });
});
