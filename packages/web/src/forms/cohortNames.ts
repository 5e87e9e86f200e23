/**
 * How the cohort builder names its criteria and nested groups. Every criterion has an "Attribute" and a
 * "Remove criterion", every group a "Combine": these names tell the alike controls apart for a screen
 * reader. Nested groups are numbered by path ("group 2.1": the first group inside the root's second).
 */

/** "criterion 2", or "criterion 1 of group 2.1" inside a nested group; `groupPath` is undefined at the root. */
export function criterionName(number: number, groupPath: string | undefined): string {
  return groupPath === undefined ? `criterion ${number}` : `criterion ${number} of group ${groupPath}`;
}

/** The path of the `number`th group inside the group at `parentPath` (the root has none). */
export function groupPath(number: number, parentPath: string | undefined): string {
  return parentPath === undefined ? String(number) : `${parentPath}.${number}`;
}

/** A name as the start of a label: "criterion 2" → "Criterion 2". */
export function capitalized(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
