import type { Contract } from '@plexus/spec';
import type { ContractChange } from './ContractChange.ts';

/** A version that should have been raised (or that went backwards). */
export interface VersionViolation {
  /** Absent for the product's own version. */
  protocol?: string;
  from: string;
  to: string;
  /** The smallest version that would satisfy the rule, e.g. 2.0.0. */
  needed: string;
  message: string;
}

export interface VersionVerdict {
  /** True when every breaking change comes with the major bumps it needs. */
  ok: boolean;
  breaking: number;
  violations: VersionViolation[];
}

function parts(version: string): [number, number, number, string] {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?/.exec(version);
  if (!match) return [0, 0, 0, ''];
  return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] ?? ''];
}

/** Semver precedence of two versions, enough for the check: numbers first, a pre-release below its release. */
export function compareVersions(a: string, b: string): number {
  const x = parts(a);
  const y = parts(b);
  for (let index = 0; index < 3; index++) {
    const difference = (x[index] as number) - (y[index] as number);
    if (difference !== 0) return Math.sign(difference);
  }
  if (x[3] === y[3]) return 0;
  if (x[3] === '') return 1;
  if (y[3] === '') return -1;
  return x[3] < y[3] ? -1 : 1;
}

const nextMajor = (version: string): string => `${parts(version)[0] + 1}.0.0`;

function check(
  what: string,
  from: string,
  to: string,
  breaking: boolean,
  protocol: string | undefined,
): VersionViolation | undefined {
  const where = protocol ? { protocol } : {};
  if (compareVersions(to, from) < 0)
    return { ...where, from, to, needed: from, message: `${what}: version went backwards, ${from} → ${to}` };
  if (breaking && parts(to)[0] <= parts(from)[0])
    return {
      ...where,
      from,
      to,
      needed: nextMajor(from),
      message: `${what}: breaking changes need a major version bump, ${from} → ${to} (needs ${nextMajor(from)})`,
    };
  return undefined;
}

/**
 * The version rule of a contract: a breaking change needs a major bump of the product's version, and a
 * breaking change of a protocol also one of that protocol's version; no version may go backwards.
 */
export function checkVersionBumps(
  before: Contract,
  after: Contract,
  changes: readonly ContractChange[],
): VersionVerdict {
  const breaking = changes.filter((change) => change.breaking);
  const violations: VersionViolation[] = [];
  const product = check(
    `product ${after.product.id}`,
    before.product.version,
    after.product.version,
    breaking.length > 0,
    undefined,
  );
  if (product) violations.push(product);
  const current = new Map(after.protocols.map((protocol) => [protocol.id, protocol]));
  for (const protocol of before.protocols) {
    const next = current.get(protocol.id);
    if (!next) continue;
    const broken = breaking.some((change) => change.protocol === protocol.id);
    const violation = check(`protocol ${protocol.id}`, protocol.version, next.version, broken, protocol.id);
    if (violation) violations.push(violation);
  }
  return { ok: violations.length === 0, breaking: breaking.length, violations };
}
