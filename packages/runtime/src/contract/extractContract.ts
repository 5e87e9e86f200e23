import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  modelChoicesFromMapping,
  problemsFromSchemaIssues,
  readYamlFile,
  resolveInsideProduct,
  type YamlFile,
} from '@plexus/engine';
import {
  API_VERSION,
  type Contract,
  type ContractProtocol,
  checkDocument,
  formatLocation,
  InputError,
  type Mapping,
  MappingSchema,
  type Problem,
  type Product,
  ProductSchema,
  type Protocol,
  ProtocolSchema,
} from '@plexus/spec';
import { protocolAttributes } from './protocolAttributes.ts';

export interface ExtractContractOptions {
  /** How to name the product folder in error messages (e.g. `main:products/pbc-trial`); default its path. */
  label?: string;
}

type Schema = typeof ProductSchema | typeof MappingSchema | typeof ProtocolSchema;

function problemsOf(file: YamlFile, schema: Schema): Problem[] {
  if (file.problems.length > 0) return file.problems;
  return problemsFromSchemaIssues(file, checkDocument(schema, file.value));
}

function fail(label: string, problems: readonly Problem[]): never {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const details = errors.map((problem) => ({
    at: `${label}/${formatLocation(problem)}`,
    message: problem.message,
  }));
  const first = errors[0];
  const more =
    errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  throw new InputError(
    first ? `${label}/${formatLocation(first)}: ${first.message}${more}` : `${label}: invalid product`,
    details,
  );
}

async function readChecked<T>(productDir: string, path: string, schema: Schema, label: string): Promise<T> {
  const located = await resolveInsideProduct(productDir, path);
  if ('outside' in located) throw new InputError(`${label}: ${path} is outside the product folder`);
  const file = await readYamlFile(resolve(productDir, path), path);
  if (file.problems[0]?.code === 'file-missing')
    throw new InputError(
      path === 'product.yaml'
        ? `${label} is not a product folder: it has no product.yaml`
        : `${label}: ${path} does not exist`,
    );
  const problems = problemsOf(file, schema);
  if (problems.length > 0) fail(label, problems);
  return file.value as T;
}

/**
 * The data contract of a product, read from its folder without building it: product.yaml, the mapping
 * and the protocol files, each checked against its schema. Throws InputError naming the file and what
 * is wrong when one of them is missing or invalid.
 */
export async function extractContract(
  productDir: string,
  options: ExtractContractOptions = {},
): Promise<Contract> {
  const dir = resolve(productDir);
  const label = options.label ?? productDir;
  const isFolder = await stat(dir).then(
    (found) => found.isDirectory(),
    () => false,
  );
  if (!isFolder) throw new InputError(`${label} is not a folder`);
  const product = await readChecked<Product>(dir, 'product.yaml', ProductSchema, label);
  const mapping = await readChecked<Mapping>(dir, product.mapping ?? 'mapping.yaml', MappingSchema, label);
  const model = modelChoicesFromMapping(mapping);
  const unresolved = model.attributes.filter((attribute) => attribute.unresolved);
  if (unresolved.length > 0)
    throw new InputError(
      `${label}: the type of attribute${unresolved.length > 1 ? 's' : ''} ${unresolved.map((attribute) => `'${attribute.id}'`).join(', ')} cannot be told: ${product.mapping ?? 'mapping.yaml'} names a column that is not declared (run plexus validate)`,
    );
  const attributeIds = new Set(model.attributes.map((attribute) => attribute.id));
  const protocols = await readProtocols(dir, product.protocols ?? 'protocols', label);
  return {
    apiVersion: API_VERSION,
    kind: 'Contract',
    product: { id: product.id, version: product.version, title: product.title },
    entity: { singular: product.entity.singular, plural: product.entity.plural },
    attributes: model.attributes.map((attribute) => ({
      id: attribute.id,
      type: attribute.type,
      ...(attribute.levels ? { levels: attribute.levels } : {}),
    })),
    endpoints: model.endpoints.map((endpoint) => ({ id: endpoint.id })),
    modalities: model.modalities.map((modality) => ({ id: modality.id, kind: modality.kind })),
    protocols: protocols.map((protocol) => contractProtocol(protocol, attributeIds)),
  };
}

async function readProtocols(dir: string, folder: string, label: string): Promise<Protocol[]> {
  const located = await resolveInsideProduct(dir, folder);
  if ('outside' in located)
    throw new InputError(`${label}: protocols folder ${folder} is outside the product folder`);
  if ('missing' in located) return [];
  const names = (await readdir(located.path)).filter((name) => /\.ya?ml$/.test(name)).sort();
  const protocols: Protocol[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const path = join(folder, name);
    const file = await readYamlFile(resolve(dir, path), path);
    const fileProblems = problemsOf(file, ProtocolSchema);
    if (fileProblems.length > 0) {
      problems.push(...fileProblems);
      continue;
    }
    const protocol = file.value as Protocol;
    const previous = seen.get(protocol.id);
    if (previous)
      problems.push({
        code: 'duplicate-id',
        severity: 'error',
        message: `protocol id '${protocol.id}' is already used by ${previous}`,
        at: { file: path },
      });
    seen.set(protocol.id, path);
    protocols.push(protocol);
  }
  if (problems.some((problem) => problem.severity === 'error')) fail(label, problems);
  return protocols;
}

function contractProtocol(protocol: Protocol, attributeIds: ReadonlySet<string>): ContractProtocol {
  return {
    id: protocol.id,
    version: protocol.version,
    title: protocol.title,
    category: protocol.category,
    parameters: protocol.parameters,
    ...(protocol.results ? { results: protocol.results } : {}),
    attributes: protocolAttributes(protocol, attributeIds),
  };
}
