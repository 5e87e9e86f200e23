import type { ProductPlan } from './ProductPlan.ts';
import { block, commented, yamlDocument } from './yamlWriter.ts';

const withComment = (value: unknown, comment: string | undefined): unknown =>
  comment === undefined ? value : commented(comment, value);

/** mapping.yaml of a plan: block structure, one line per column and attribute, comments on inferences. */
export function renderMapping(plan: ProductPlan, schemaLine: string): string {
  const sources = Object.fromEntries(
    plan.sources.map(({ id, source, comment, columnComments }) => {
      const { columns, ...rest } = source;
      const declared = Object.fromEntries(
        Object.entries(columns).map(([columnId, column]) => [
          columnId,
          withComment(column, columnComments?.[columnId]),
        ]),
      );
      return [id, withComment(block({ ...rest, columns: block(declared) }), comment)];
    }),
  );
  const document: Record<string, unknown> = {
    apiVersion: 'plexus.dev/v1',
    kind: 'Mapping',
    sources: block(sources),
    entity: withComment(block({ source: plan.entitySource, id: plan.entityId }), plan.entityComment),
  };
  if (plan.joins.length > 0)
    document.joins = plan.joins.map((join) => withComment(block(join.value), join.comment));
  document.attributes = plan.attributes.map((attribute) => withComment(attribute.value, attribute.comment));
  if (plan.endpoints.length > 0)
    document.endpoints = plan.endpoints.map((endpoint) =>
      withComment(block(endpoint.value), endpoint.comment),
    );
  if (plan.modalities.length > 0)
    document.modalities = plan.modalities.map((modality) =>
      withComment(block(modality.value), modality.comment),
    );
  const header = [schemaLine, ...plan.mappingComment.split('\n').map((line) => (line ? `# ${line}` : '#'))];
  return yamlDocument(document, header);
}
