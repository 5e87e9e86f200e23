import { Type } from '@sinclair/typebox';

// Ids are plain strings here, not slugs: a malformed id is simply one that does not exist, and the
// caller gets a 404 naming it rather than a pattern error.

export const ProductIdSchema = Type.String({ description: 'Id of a data product, e.g. va-lung-trial.' });
export const ProtocolIdSchema = Type.String({
  description: 'Id of a protocol of the product, e.g. km-curve.',
});

export const ProductPathSchema = Type.Object({ productId: ProductIdSchema });
export const ProtocolPathSchema = Type.Object({ productId: ProductIdSchema, protocolId: ProtocolIdSchema });

export interface ProductPath {
  productId: string;
}

export interface ProtocolPath extends ProductPath {
  protocolId: string;
}
