import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface AssetSize {
  file: string;
  raw: number;
  gzip: number;
  /** Whether index.html asks for it: the first load needs it before anything is drawn. */
  initial: boolean;
}

/**
 * Raw and gzip sizes of the built client's files (packages/web/dist), gzip at zlib's default level as
 * Vite reports it. The node serves them uncompressed, so the raw size is what crosses the wire.
 */
export async function bundleSizes(dist: string): Promise<AssetSize[]> {
  const index = await readFile(join(dist, 'index.html'), 'utf8');
  const sizes: AssetSize[] = [];
  const add = async (file: string) => {
    const bytes = await readFile(join(dist, file));
    sizes.push({
      file,
      raw: bytes.length,
      gzip: gzipSync(bytes).length,
      initial: file === 'index.html' || index.includes(`/${file}`),
    });
  };
  await add('index.html');
  const assets = (await readdir(join(dist, 'assets'))).filter((file) =>
    ['.js', '.css'].includes(extname(file)),
  );
  for (const file of assets.sort()) await add(`assets/${file}`);
  return sizes;
}
