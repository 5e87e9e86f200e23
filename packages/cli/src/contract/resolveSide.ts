import { realpath, stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { InputError } from '@plexus/spec';
import { gitRoot } from './git.ts';
import { UsageError } from './UsageError.ts';

/** One side of `plexus diff`: a product folder on disk or a product folder at a git revision. */
export type DiffSide =
  | { kind: 'folder'; arg: string; dir: string }
  | { kind: 'git'; arg: string; repo: string; ref: string; path: string };

type Parsed =
  | { kind: 'folder'; arg: string; dir: string }
  | { kind: 'ref'; arg: string; ref: string; path?: string };

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (found) => found.isDirectory(),
    () => false,
  );
}

async function parse(arg: string, cwd: string): Promise<Parsed> {
  if (arg === '') throw new UsageError('an empty argument is neither a product folder nor a git revision');
  const dir = resolve(cwd, arg);
  if (await isFolder(dir)) return { kind: 'folder', arg, dir };
  const colon = arg.indexOf(':');
  if (colon === 0)
    throw new UsageError(`'${arg}': a git revision is needed before the colon (e.g. main:${arg.slice(1)})`);
  if (colon > 0) return { kind: 'ref', arg, ref: arg.slice(0, colon), path: arg.slice(colon + 1) };
  return { kind: 'ref', arg, ref: arg };
}

/** The folder's path relative to the root of its git repository, and that root. */
async function inRepository(
  dir: string,
  arg: string,
  refArg: string,
): Promise<{ repo: string; path: string }> {
  const repo = await gitRoot(dir);
  if (!repo)
    throw new InputError(
      `'${refArg}' is not a folder, and as a git revision it would be read from the repository of ${arg}, which is not inside one`,
    );
  const path = relative(await realpath(repo), await realpath(dir));
  return { repo, path: path.split(sep).join('/') };
}

/**
 * Tells what each argument of `plexus diff` is: an existing folder is a product folder; anything else is
 * a git revision, `ref` or `ref:path`. A bare `ref` takes the other side's folder, relative to the root of
 * its repository; the repository is the other side's, else the one around `cwd`.
 */
export async function resolveSides(
  oldArg: string,
  newArg: string,
  cwd: string,
): Promise<[DiffSide, DiffSide]> {
  const parsed = [await parse(oldArg, cwd), await parse(newArg, cwd)] as const;
  const sides: DiffSide[] = [];
  for (const [index, side] of parsed.entries()) {
    if (side.kind === 'folder') {
      sides.push(side);
      continue;
    }
    const other = parsed[1 - index] as Parsed;
    let repo: string | undefined;
    let path = side.path;
    if (other.kind === 'folder') {
      const located = await inRepository(other.dir, other.arg, side.arg);
      repo = located.repo;
      path ??= located.path;
    } else {
      repo = await gitRoot(cwd);
      if (!repo)
        throw new InputError(
          `neither ${oldArg} nor ${newArg} is a folder, and ${cwd} is not inside a git repository to read them from`,
        );
      path ??= other.path;
    }
    if (path === undefined)
      throw new UsageError(
        `'${side.arg}' and '${other.arg}' are both bare git revisions: name the folder on one side, e.g. ${side.arg}:products/my-product`,
      );
    sides.push({ kind: 'git', arg: side.arg, repo, ref: side.ref, path });
  }
  return [sides[0] as DiffSide, sides[1] as DiffSide];
}
