/**
 * A VCF the reader cannot turn into rows. The message is meant for the person who wrote the mapping:
 * it starts with the path as they wrote it and the line, then says what was expected and what was found.
 */
export class VcfError extends Error {
  override readonly name = 'VcfError';

  constructor(
    /** The path as written in the mapping, not the absolute one. */
    readonly file: string,
    /** 1-based line of the (decompressed) file. */
    readonly line: number,
    problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
  }
}

const MAX_SHOWN = 80;

/** A piece of the input quoted for a message, cut short so a huge line cannot flood the terminal. */
export function shown(text: string): string {
  const cut = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  return JSON.stringify(cut);
}
