// Entry point of `npm run bench:gatekeeper`: requests per second of an authenticated metadata GET with
// the gatekeeper next to the same route with it switched off, alternating in fresh server processes.
import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LoadResult, load } from './load.ts';
import { parseOptions } from './options.ts';
import { formatProfile, formatReport, type RoundResult, summarize } from './report.ts';
import { type ChildMessage, POSTGRES_URL_ENV, type StoreProfile, type Variant } from './variants.ts';

const here = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(here, '../..');
const log = (line: string) => process.stderr.write(`${line}\n`);

const options = parseOptions(process.argv.slice(2));
const postgres = Boolean(process.env[POSTGRES_URL_ENV]);
const variants: Variant[] = [
  'open',
  'gated-sqlite',
  ...(postgres ? (['gated-postgres'] as const) : []),
  ...(options.noTouch ? (['gated-sqlite-no-touch'] as const) : []),
  ...(options.uncached ? (['gated-sqlite-uncached'] as const) : []),
];
const loadBefore = loadavg()[0] ?? Number.NaN;
const work = await mkdtemp(join(tmpdir(), 'plexus-bench-gatekeeper-'));
let current: ChildProcess | undefined;
process.once('SIGINT', () => {
  current?.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
  process.exit(130);
});

interface ServerRun {
  measured: LoadResult | null;
  /** CPU of the server process per answered request in the measured window, µs. */
  cpuUsPerRequest: number;
  profile: StoreProfile | null;
}

function nextMessage(child: ChildProcess, kind: ChildMessage['kind']): Promise<ChildMessage> {
  return new Promise((done, fail) => {
    const onMessage = (message: ChildMessage) => {
      if (message.kind !== kind) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      done(message);
    };
    const onExit = (code: number | null) =>
      fail(new Error(`server child exited with ${code} before ${kind}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Starts a fresh server, warms it up, measures `seconds` of load (none when 0) and stops it. */
async function runServer(variant: Variant, seconds: number, profile: boolean): Promise<ServerRun> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(here, 'serverChild.ts'), variant, work, profile ? '1' : '0'],
    { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  current = child;
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  try {
    const ready = await nextMessage(child, 'ready');
    if (ready.kind !== 'ready') throw new Error('unexpected message');
    const url = `http://127.0.0.1:${ready.port}/api/v1/products/${ready.productId}`;
    // The route must really be guarded: the token gets the product, nobody else even sees it.
    const withToken = await fetch(
      url,
      ready.authorization ? { headers: { authorization: ready.authorization } } : {},
    );
    if (withToken.status !== 200)
      throw new Error(`${variant}: GET with the token answered ${withToken.status}`);
    if (variant !== 'open') {
      const anonymous = await fetch(url);
      if (anonymous.status !== 404) throw new Error(`${variant}: anonymous GET answered ${anonymous.status}`);
    }
    const warm = await load(url, ready.authorization, options.connections, options.warmup);
    child.send({ kind: 'mark' });
    await nextMessage(child, 'marked');
    const measured = seconds > 0 ? await load(url, ready.authorization, options.connections, seconds) : null;
    const sent = measured?.requests ?? warm.requests;
    child.send({ kind: 'stop' });
    const stopped = await nextMessage(child, 'stopped');
    if (stopped.kind !== 'stopped') throw new Error('unexpected message');
    const code = await exited;
    if (code !== 0) throw new Error(`${variant}: server child exited with ${code}`);
    return { measured, cpuUsPerRequest: (stopped.cpuMs * 1000) / sent, profile: stopped.profile };
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  } finally {
    current = undefined;
  }
}

try {
  log(
    `${cpus().length} CPUs, load average ${loadBefore.toFixed(2)}; ${options.rounds} rounds × ${options.duration} s, ${options.connections} connections, ${options.warmup} s warm-up per server`,
  );
  if (!postgres) log(`${POSTGRES_URL_ENV} is not set: the PostgreSQL variant is skipped`);
  log('warm-up round: one server of each variant, not measured');
  for (const variant of variants) await runServer(variant, 0, false);

  const rounds: RoundResult[] = [];
  for (let round = 1; round <= options.rounds; round++) {
    // Alternate the order, so that drift of the machine does not always favour the same side.
    const order = round % 2 === 1 ? variants : [...variants].reverse();
    const result: RoundResult = {};
    for (const variant of order) {
      const run = await runServer(variant, options.duration, false);
      if (!run.measured) throw new Error('no measurement');
      result[variant] = { ...run.measured, cpuUsPerRequest: run.cpuUsPerRequest };
    }
    rounds.push(result);
    const cells = variants.map((variant) => `${variant} ${result[variant]?.rps.toFixed(0)} req/s`);
    const open = result.open?.rps ?? Number.NaN;
    const gated = result['gated-sqlite']?.rps ?? Number.NaN;
    log(
      `round ${round}/${options.rounds}: ${cells.join(', ')}; loss ${((1 - gated / open) * 100).toFixed(1)} %`,
    );
  }

  const summary = summarize(options, variants, rounds, loadBefore, loadavg()[0] ?? Number.NaN, postgres);
  process.stdout.write(formatReport(summary));

  const missed = !summary.verdict.every((entry) => entry.met);
  if (options.profile || missed) {
    log(
      `profile: one more server of each variant, ${options.duration} s, every store call counted and timed`,
    );
    const profiles: Array<{ variant: Variant; run: ServerRun }> = [];
    for (const variant of variants)
      profiles.push({ variant, run: await runServer(variant, options.duration, true) });
    const text = formatProfile(profiles.map(({ variant, run }) => ({ variant, ...run })));
    process.stdout.write(text);
    summary.profile = profiles.map(({ variant, run }) => ({ variant, ...run }));
  }
  if (options.json) {
    await writeFile(resolve(options.json), `${JSON.stringify(summary, null, 2)}\n`);
    log(`figures written to ${resolve(options.json)}`);
  }
  process.exitCode = missed ? 1 : 0;
} finally {
  await rm(work, { recursive: true, force: true });
}
