import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { problemAt, problemsFromSchemaIssues, readYamlFile, resolveInsideProduct } from '@plexus/engine';
import type { Problem, Protocol } from '@plexus/spec';
import { checkDocument, hasErrors, ProtocolSchema } from '@plexus/spec';
import type { ModelChoices } from '../parameters/ModelChoices.ts';
import { checkPlugin } from './checkPlugin.ts';
import { checkProtocolParameters } from './checkProtocolParameters.ts';
import { hashPluginSources } from './hashPluginSources.ts';
import type { LoadedProtocol } from './LoadedProtocol.ts';

/** Reads every protocol file of a product and reports all their problems against the model. */
export async function loadProtocols(
  productDir: string,
  folder: string,
  /** Absent when the mapping itself is broken: then only what does not need the model is checked. */
  model: ModelChoices | undefined,
): Promise<{ protocols: LoadedProtocol[]; problems: Problem[] }> {
  const located = await resolveInsideProduct(productDir, folder);
  if ('outside' in located) {
    const problem = {
      code: 'invalid-value',
      severity: 'error',
      message: `protocols folder ${folder} is outside the product folder`,
      at: { file: 'product.yaml' },
    } as const;
    return { protocols: [], problems: [problem] };
  }
  const names = (await readdir(resolve(productDir, folder)).catch(() => [] as string[]))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  const protocols: LoadedProtocol[] = [];
  const problems: Problem[] = [];
  const inspections = new Map<string, Promise<Record<string, string>>>();
  const seen = new Map<string, string>();
  for (const name of names) {
    const relativePath = join(folder, name);
    const file = await readYamlFile(resolve(productDir, relativePath), relativePath);
    if (file.problems.length > 0) {
      problems.push(...file.problems);
      continue;
    }
    const schemaProblems = problemsFromSchemaIssues(file, checkDocument(ProtocolSchema, file.value));
    if (schemaProblems.length > 0) {
      problems.push(...schemaProblems);
      continue;
    }
    const protocol = file.value as Protocol;
    const fileProblems: Problem[] = [];
    const previous = seen.get(protocol.id);
    if (previous)
      fileProblems.push(
        problemAt(
          file,
          ['id'],
          'duplicate-id',
          `protocol id '${protocol.id}' is already used by ${previous}`,
        ),
      );
    seen.set(protocol.id, relativePath);
    if (model) fileProblems.push(...checkProtocolParameters(protocol, model, file));
    const plugin = await checkPlugin(productDir, protocol, file, inspections);
    fileProblems.push(...plugin.problems);
    problems.push(...fileProblems);
    if (!hasErrors(fileProblems) && plugin.modulePath) {
      protocols.push({
        definition: protocol,
        file: relativePath,
        modulePath: plugin.modulePath,
        pluginSha256: await hashPluginSources(plugin.modulePath, productDir),
      });
    }
  }
  return { protocols, problems };
}
