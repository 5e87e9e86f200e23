import type { ModelView, ProductDescriptor, ProtocolSummary } from '@plexus/runtime';
import { checkDocument, type Run, RunSchema } from '@plexus/spec';
import type { Static } from '@sinclair/typebox';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createFakeRegistry, FAKE_PRODUCT_ID } from '../testing/fakeRegistry.ts';
import type { ErrorBodySchema } from './ErrorBodySchema.ts';
import { ModelViewSchema } from './ModelViewSchema.ts';
import { ProductDescriptorSchema } from './ProductDescriptorSchema.ts';
import { ProtocolSummarySchema } from './ProtocolSummarySchema.ts';
import type { RunComponentSchema } from './RunSchemas.ts';
import { sharedSchemas } from './sharedSchemas.ts';

describe('response schemas', () => {
  it('mirror the ProductService types exactly (checked by tsc)', () => {
    expectTypeOf<Static<typeof ProductDescriptorSchema>>().toEqualTypeOf<ProductDescriptor>();
    expectTypeOf<Static<typeof ModelViewSchema>>().toEqualTypeOf<ModelView>();
    expectTypeOf<Static<typeof ProtocolSummarySchema>>().toEqualTypeOf<ProtocolSummary>();
    expectTypeOf<Static<typeof RunComponentSchema>>().toEqualTypeOf<Run>();
    expectTypeOf<Static<typeof ErrorBodySchema>['error']['code']>().toEqualTypeOf<string>();
  });

  it('accept what the fake product serves', () => {
    const product = createFakeRegistry().get(FAKE_PRODUCT_ID);
    expect(checkDocument(ProductDescriptorSchema, product?.descriptor())).toEqual([]);
    expect(checkDocument(ModelViewSchema, product?.model())).toEqual([]);
    for (const protocol of product?.protocols() ?? []) {
      expect(checkDocument(ProtocolSummarySchema, protocol)).toEqual([]);
    }
  });

  it('are tested with a fake run that is a valid Run', async () => {
    // The Run component itself is exercised by the run route tests, which round-trip this run through
    // Fastify's serializer (and so through the `$ref` to ResultDocument) and compare it field by field.
    const run = await createFakeRegistry().get(FAKE_PRODUCT_ID)?.run('describe-arm', {});
    expect(checkDocument(RunSchema, run)).toEqual([]);
  });

  it('have short, unique ids usable as OpenAPI component names', () => {
    const ids = sharedSchemas.map((schema) => schema.$id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9._-]+$/);
  });
});
