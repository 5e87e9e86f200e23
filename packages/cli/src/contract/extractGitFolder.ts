import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { InputError } from '@plexus/spec';
import { git } from './git.ts';

export interface ExtractedFolder {
  /** A temporary folder holding the product's YAML files as they were at the revision. */
  dir: string;
  /** Removes the temporary folder. */
  cleanup(): Promise<void>;
}

/**
 * Writes the YAML files (product.yaml, the mapping, the protocols) of the product folder `path` as it
 * is at git revision `ref` into a temporary folder — enough to read its contract; data and plugins are
 * left out. `path` is relative to the repository root; '' is the root itself.
 */
export async function extractGitFolder(repo: string, ref: string, path: string): Promise<ExtractedFolder> {
  const commit = await git(repo, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (!commit.ok)
    throw new InputError(`'${ref}' is neither a folder nor a git revision of the repository at ${repo}`);
  const prefix = path === '' || path === '.' ? '' : `${posix.normalize(path).replace(/\/+$/, '')}/`;
  const listing = await git(repo, [
    'ls-tree',
    '-r',
    '-z',
    '--name-only',
    commit.stdout.toString('utf8').trim(),
    '--',
    prefix || '.',
  ]);
  if (!listing.ok) throw new InputError(`cannot list ${ref}:${path}: ${listing.stderr}`);
  const files = listing.stdout
    .toString('utf8')
    .split('\0')
    .filter((file) => file.startsWith(prefix) && /\.ya?ml$/.test(file));
  if (!files.includes(`${prefix}product.yaml`))
    throw new InputError(
      files.length === 0
        ? `${ref}:${path || '.'} does not exist (or holds no YAML files) at revision ${ref}`
        : `${ref}:${path || '.'} is not a product folder: it has no product.yaml at revision ${ref}`,
    );
  const dir = await mkdtemp(join(tmpdir(), 'plexus-diff-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    for (const file of files) {
      const content = await git(repo, [
        'cat-file',
        'blob',
        `${commit.stdout.toString('utf8').trim()}:${file}`,
      ]);
      if (!content.ok) throw new InputError(`cannot read ${ref}:${file}: ${content.stderr}`);
      const target = join(dir, ...file.slice(prefix.length).split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content.stdout);
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { dir, cleanup };
}
