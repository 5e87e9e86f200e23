import { canonicalJson } from '@plexus/engine';
import type { Block, BlockChange, BlockMention, ResultComparison, ResultDocument } from '@plexus/spec';
import { compareCharts } from './compareCharts.ts';
import { compareMarkdown } from './compareMarkdown.ts';
import { compareProvenance } from './compareProvenance.ts';
import { compareStatistics } from './compareStatistics.ts';
import { compareTables } from './compareTables.ts';
import { textChangeIfDifferent } from './textChange.ts';

function mention(block: Block): BlockMention {
  return { id: block.id, type: block.type, ...(block.title !== undefined ? { title: block.title } : {}) };
}

function compareBlock(a: Block, b: Block): BlockChange {
  if (a.type === 'statistic' && b.type === 'statistic') return compareStatistics(a, b);
  if (a.type === 'table' && b.type === 'table') return compareTables(a, b);
  if (a.type === 'markdown' && b.type === 'markdown') return compareMarkdown(a, b);
  if (a.type === 'chart' && b.type === 'chart') return compareCharts(a, b);
  const title = textChangeIfDifferent(a.title, b.title);
  return { id: a.id, type: 'type-changed', ...(title ? { title } : {}), from: a.type, to: b.type };
}

/**
 * How result document b differs from result document a: blocks matched by id (added, removed,
 * changed with the detail of their type, unchanged), the title and summary, and the provenance.
 * Numbers are compared exactly: any difference, however small, is reported with its delta. The
 * comparison is itself deterministic — lists follow the documents' block order, parameters are
 * sorted by name — so comparing the same two documents always gives the same JSON.
 */
export function compareResults(a: ResultDocument, b: ResultDocument): ResultComparison {
  const byIdB = new Map(b.blocks.map((block) => [block.id, block]));
  const idsA = new Set(a.blocks.map((block) => block.id));
  const added = b.blocks.filter((block) => !idsA.has(block.id)).map(mention);
  const removed: BlockMention[] = [];
  const changed: BlockChange[] = [];
  const unchanged: string[] = [];
  for (const block of a.blocks) {
    const other = byIdB.get(block.id);
    if (!other) removed.push(mention(block));
    else if (canonicalJson(block) === canonicalJson(other)) unchanged.push(block.id);
    else changed.push(compareBlock(block, other));
  }
  const provenance = compareProvenance(a.provenance, b.provenance);
  const title = textChangeIfDifferent(a.title, b.title);
  const summary = textChangeIfDifferent(a.summary, b.summary);
  return {
    identical: canonicalJson(a) === canonicalJson(b),
    summary: {
      blocksAdded: added.length,
      blocksRemoved: removed.length,
      blocksChanged: changed.length,
      blocksUnchanged: unchanged.length,
      provenanceChanged: provenance.changed.length,
      parametersChanged: provenance.parameters.length,
    },
    document: { ...(title ? { title } : {}), ...(summary ? { summary } : {}) },
    blocks: { added, removed, changed, unchanged },
    provenance,
  };
}
