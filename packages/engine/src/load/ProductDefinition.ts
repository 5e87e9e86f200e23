import type { Mapping, Product } from '@plexus/spec';
import type { YamlFile } from '../yaml/YamlFile.ts';

/** A product folder whose product.yaml and mapping passed validation. */
export interface ProductDefinition {
  /** Absolute path of the product folder. */
  dir: string;
  product: Product;
  mapping: Mapping;
  files: { product: YamlFile; mapping: YamlFile };
}
