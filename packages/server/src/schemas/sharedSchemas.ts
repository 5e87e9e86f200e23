import {
  FederatedRequestSchema,
  FederatedResultSchema,
  FederatedRunSchema,
  SiteAggregatesComponentSchema,
  SiteAnswerSchema,
} from '../federation/federationSchemas.ts';
import { ErrorBodySchema, ErrorDetailSchema } from './ErrorBodySchema.ts';
import { ModelViewSchema } from './ModelViewSchema.ts';
import { ProductDescriptorSchema } from './ProductDescriptorSchema.ts';
import { ProtocolSummarySchema } from './ProtocolSummarySchema.ts';
import {
  ResultComparisonComponentSchema,
  ResultDocumentComponentSchema,
  RunComponentSchema,
  RunRequestSchema,
  VersionChangeSchema,
} from './RunSchemas.ts';

/** Every schema routes refer to with `refTo`; each must be added to the app before the routes. */
export const sharedSchemas = [
  ErrorDetailSchema,
  ErrorBodySchema,
  ProductDescriptorSchema,
  ModelViewSchema,
  ProtocolSummarySchema,
  ResultDocumentComponentSchema,
  RunComponentSchema,
  RunRequestSchema,
  ResultComparisonComponentSchema,
  VersionChangeSchema,
  SiteAggregatesComponentSchema,
  FederatedResultSchema,
  SiteAnswerSchema,
  FederatedRequestSchema,
  FederatedRunSchema,
] as const;
