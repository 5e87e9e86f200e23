import { extractContract } from '@plexus/runtime';
import { formatContract } from '../contract/formatContract.ts';
import { EXIT } from '../exitCodes.ts';

/** Prints the data contract of a product folder: readable text, or the Contract document with --json. */
export async function contractCommand(dir: string, options: { json?: boolean }): Promise<number> {
  const contract = await extractContract(dir);
  if (options.json) process.stdout.write(`${JSON.stringify(contract, null, 2)}\n`);
  else process.stdout.write(`${formatContract(contract).join('\n')}\n`);
  return EXIT.ok;
}
