/**
 * Every problem code a validator or build can report, with what it means. Docs and `plexus validate
 * --codes` are generated from this list, so a new code is added here first.
 */
export const problemCodes = {
  'yaml-syntax': 'The file is not valid YAML.',
  'file-missing': 'A file the product refers to does not exist.',
  'unknown-key': 'A key that the document format does not define (often a typo).',
  'missing-key': 'A required key is absent.',
  'wrong-type': 'A value has the wrong type (e.g. text where a number is expected).',
  'invalid-value': 'A value of the right type that is not allowed (pattern, enum, bounds).',
  'unknown-source': 'A reference to a source that the mapping does not declare.',
  'unknown-column': 'A reference to a column that the source does not declare or the file does not have.',
  'duplicate-id': 'Two attributes, endpoints or protocols share one id.',
  'bad-expression':
    'A derived attribute expression that is not a single valid SQL expression over source columns.',
  'bad-value-map': 'A value map that does not fit its column.',
  'unknown-attribute': 'A reference to an attribute or endpoint that the model does not define.',
  'plugin-missing': 'A protocol plugin module that does not exist or does not load.',
  'plugin-export-missing': 'A protocol plugin module that does not export the named function.',
  'source-unreadable': 'A source file that cannot be read in its declared format.',
  'type-mismatch': 'A value that does not parse as its declared column type.',
  'data-test-failed': 'A data test that found offending rows.',
  'join-fanout': 'A joined source with more than one row for some entity.',
  'duplicate-entity-id': 'The entity id is not unique or is missing.',
  'unmatched-entity':
    'Rows of a modality that name entities the product does not have (set unmatched: drop to leave them out).',
  'bad-matrix': 'A matrix file without the expected layout: feature ids, entity columns and numbers.',
  'bad-vcf': 'A VCF file that does not follow the format (header, columns, genotypes).',
} as const;

export type ProblemCode = keyof typeof problemCodes;
