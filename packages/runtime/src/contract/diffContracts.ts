import type { Contract, ContractProtocol } from '@plexus/spec';
import { isRequired } from '../parameters/compileParameterSchema.ts';
import type { ContractChange } from './ContractChange.ts';
import { diffParameter } from './diffParameter.ts';
import { diffResults } from './diffResults.ts';

const quoted = (ids: readonly string[]): string => ids.map((id) => `'${id}'`).join(', ');

function diffProtocol(before: ContractProtocol, after: ContractProtocol): ContractChange[] {
  const protocol = before.id;
  const changes: ContractChange[] = [];
  const oldNames = Object.keys(before.parameters);
  const newNames = Object.keys(after.parameters);
  const removed = oldNames.filter((name) => !(name in after.parameters));
  const added = newNames.filter((name) => !(name in before.parameters));
  for (const name of oldNames) {
    const next = after.parameters[name];
    const previous = before.parameters[name];
    if (!next || !previous) continue;
    for (const change of diffParameter(previous, next))
      changes.push({
        kind: change.kind,
        breaking: change.breaking,
        protocol,
        parameter: name,
        message: `${protocol}: parameter '${name}': ${change.message}`,
      });
  }
  const paired = new Set<string>();
  for (const name of removed) {
    const type = before.parameters[name]?.type;
    const twin = added.find(
      (candidate) => !paired.has(candidate) && after.parameters[candidate]?.type === type,
    );
    if (twin) {
      paired.add(twin);
      changes.push({
        kind: 'parameter-renamed',
        breaking: true,
        protocol,
        parameter: name,
        message: `${protocol}: parameter '${name}' removed and '${twin}' added, both ${type}: renamed? calls passing '${name}' are refused`,
      });
    } else
      changes.push({
        kind: 'parameter-removed',
        breaking: true,
        protocol,
        parameter: name,
        message: `${protocol}: parameter '${name}' (${type}) removed: calls passing it are refused`,
      });
  }
  for (const name of added) {
    if (paired.has(name)) continue;
    const parameter = after.parameters[name];
    if (!parameter) continue;
    const required = isRequired(parameter);
    changes.push({
      kind: 'parameter-added',
      breaking: required,
      protocol,
      parameter: name,
      message: required
        ? `${protocol}: required parameter '${name}' (${parameter.type}) added without a default: calls without it are refused`
        : `${protocol}: optional parameter '${name}' (${parameter.type}) added`,
    });
  }
  changes.push(...diffResults(protocol, before.results, after.results));
  return changes;
}

function diffModel(before: Contract, after: Contract): ContractChange[] {
  const changes: ContractChange[] = [];
  const current = new Map(after.attributes.map((attribute) => [attribute.id, attribute]));
  for (const attribute of before.attributes) {
    const next = current.get(attribute.id);
    if (!next) {
      const users = before.protocols
        .filter((protocol) => protocol.attributes.includes(attribute.id))
        .map((protocol) => protocol.id);
      changes.push({
        kind: 'attribute-removed',
        breaking: true,
        attribute: attribute.id,
        message: `attribute '${attribute.id}' removed${users.length > 0 ? `; used by ${users.join(', ')}` : ''}`,
      });
      continue;
    }
    if (next.type !== attribute.type)
      changes.push({
        kind: 'attribute-type-changed',
        breaking: true,
        attribute: attribute.id,
        message: `attribute '${attribute.id}': type ${attribute.type} → ${next.type}`,
      });
    else if (attribute.levels && next.levels) {
      const lost = attribute.levels.filter((level) => !next.levels?.includes(level));
      const gained = next.levels.filter((level) => !attribute.levels?.includes(level));
      if (lost.length > 0)
        changes.push({
          kind: 'level-removed',
          breaking: true,
          attribute: attribute.id,
          message: `attribute '${attribute.id}': level${lost.length > 1 ? 's' : ''} ${quoted(lost)} removed: criteria and parameters naming ${lost.length > 1 ? 'them' : 'it'} fail`,
        });
      if (gained.length > 0)
        changes.push({
          kind: 'level-added',
          breaking: false,
          attribute: attribute.id,
          message: `attribute '${attribute.id}': level${gained.length > 1 ? 's' : ''} ${quoted(gained)} added`,
        });
    }
  }
  const old = new Set(before.attributes.map((attribute) => attribute.id));
  for (const attribute of after.attributes)
    if (!old.has(attribute.id))
      changes.push({
        kind: 'attribute-added',
        breaking: false,
        attribute: attribute.id,
        message: `attribute '${attribute.id}' (${attribute.type}) added`,
      });
  const endpoints = new Set(after.endpoints.map((endpoint) => endpoint.id));
  for (const endpoint of before.endpoints)
    if (!endpoints.has(endpoint.id))
      changes.push({
        kind: 'endpoint-removed',
        breaking: true,
        message: `endpoint '${endpoint.id}' removed`,
      });
  const oldEndpoints = new Set(before.endpoints.map((endpoint) => endpoint.id));
  for (const endpoint of after.endpoints)
    if (!oldEndpoints.has(endpoint.id))
      changes.push({ kind: 'endpoint-added', breaking: false, message: `endpoint '${endpoint.id}' added` });
  const modalities = new Map(after.modalities.map((modality) => [modality.id, modality]));
  for (const modality of before.modalities) {
    const next = modalities.get(modality.id);
    if (!next)
      changes.push({
        kind: 'modality-removed',
        breaking: true,
        message: `modality '${modality.id}' (${modality.kind}) removed`,
      });
    else if (next.kind !== modality.kind)
      changes.push({
        kind: 'modality-kind-changed',
        breaking: true,
        message: `modality '${modality.id}': kind ${modality.kind} → ${next.kind}`,
      });
  }
  const oldModalities = new Set(before.modalities.map((modality) => modality.id));
  for (const modality of after.modalities)
    if (!oldModalities.has(modality.id))
      changes.push({
        kind: 'modality-added',
        breaking: false,
        message: `modality '${modality.id}' (${modality.kind}) added`,
      });
  return changes;
}

/**
 * Every change from one contract of a product to another, each marked breaking or not: the model
 * (attributes, levels, endpoints, modalities) first, then protocol by protocol.
 */
export function diffContracts(before: Contract, after: Contract): ContractChange[] {
  const changes: ContractChange[] = [];
  if (before.product.id !== after.product.id)
    changes.push({
      kind: 'product-id-changed',
      breaking: true,
      message: `product id ${before.product.id} → ${after.product.id}: its URLs change`,
    });
  changes.push(...diffModel(before, after));
  const current = new Map(after.protocols.map((protocol) => [protocol.id, protocol]));
  for (const protocol of before.protocols) {
    const next = current.get(protocol.id);
    if (next) changes.push(...diffProtocol(protocol, next));
    else
      changes.push({
        kind: 'protocol-removed',
        breaking: true,
        protocol: protocol.id,
        message: `protocol '${protocol.id}' removed`,
      });
  }
  const old = new Set(before.protocols.map((protocol) => protocol.id));
  for (const protocol of after.protocols)
    if (!old.has(protocol.id))
      changes.push({
        kind: 'protocol-added',
        breaking: false,
        protocol: protocol.id,
        message: `protocol '${protocol.id}' ${protocol.version} added`,
      });
  return changes;
}
