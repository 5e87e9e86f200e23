import { describe, expect, it } from 'vitest';
import { href, parseRoute } from './router.ts';

describe('parseRoute', () => {
  it('decodes the segments of a route', () => {
    expect(parseRoute(href('products', 'a b/c'))).toEqual({ name: 'product', productId: 'a b/c' });
    expect(parseRoute('#/compare/r1/r2')).toEqual({ name: 'compare', a: 'r1', b: 'r2' });
  });

  it('keeps a malformed escape as typed instead of throwing', () => {
    expect(parseRoute('#/products/%')).toEqual({ name: 'product', productId: '%' });
    expect(parseRoute('#/%E0%A4%A/x')).toEqual({ name: 'notFound', path: '/%E0%A4%A/x' });
  });
});
