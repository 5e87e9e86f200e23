/** The --help text of plexus contract and plexus diff: what they compare, with examples. */
export const CONTRACT_HELP = `
The contract is what clients of the product rely on: model attributes (types, category levels),
endpoints, modalities, and every protocol with its parameters and declared result blocks. It is read
from the YAML files alone; no build is needed.

Examples:
  $ plexus contract products/pbc-trial            readable summary
  $ plexus contract products/pbc-trial --json     the Contract document (schemas/contract.schema.json)

See docs/contract.md.`;

export const DIFF_HELP = `
Each side is a product folder, or a git revision: <ref> (the other side's folder at that revision) or
<ref>:<path> (a folder relative to the repository root). Every change is printed as BREAKING or ok.
A breaking change needs a major bump of the product's version, and, when it is a protocol's, of that
protocol's version too.

Examples:
  $ plexus diff main products/pbc-trial                 what your working copy changes against main
  $ plexus diff origin/main:products/pbc-trial HEAD:products/pbc-trial
  $ plexus diff v1.2.0 products/pbc-trial --json        machine-readable, for CI
  $ plexus diff old-copy/pbc-trial products/pbc-trial   two folders

Exit codes: 0 compatible (or breaking with the needed major bumps), 1 a breaking change without its
major bump (or an unreadable side), 2 wrong usage. See docs/contract.md.`;
