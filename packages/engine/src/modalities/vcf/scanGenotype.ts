const DOT = 46;
const SLASH = 47;
const PIPE = 124;
const ZERO = 48;
const NINE = 57;

/** Marks a missing allele (`.`) in the indexes written by scanGenotype. */
export const MISSING_ALLELE = -1;

/**
 * Reads the allele indexes of the GT value `text[start, end)` (`0/1`, `1|2`, `./.`, `1`) into `out`,
 * MISSING_ALLELE for `.`, and returns how many alleles there are, or -1 when the text is not a GT.
 * Works on offsets into the line and reuses `out` because it runs once per sample per variant.
 */
export function scanGenotype(text: string, start: number, end: number, out: number[]): number {
  let pos = start;
  // VCF 4.4 allows a phasing prefix on the first allele (`|0|1`).
  const first = text.charCodeAt(pos);
  if (first === SLASH || first === PIPE) pos++;
  if (pos >= end) return -1;
  let count = 0;
  for (;;) {
    const char = text.charCodeAt(pos);
    if (char === DOT) {
      out[count++] = MISSING_ALLELE;
      pos++;
    } else if (char >= ZERO && char <= NINE) {
      let index = 0;
      while (pos < end) {
        const digit = text.charCodeAt(pos);
        if (digit < ZERO || digit > NINE) break;
        index = index * 10 + digit - ZERO;
        pos++;
      }
      out[count++] = index;
    } else return -1;
    if (pos === end) return count;
    const separator = text.charCodeAt(pos);
    if ((separator !== SLASH && separator !== PIPE) || pos + 1 === end) return -1;
    pos++;
  }
}
