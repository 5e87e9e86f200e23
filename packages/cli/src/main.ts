import { ConflictError, isPlexusError } from '@plexus/spec';
import { Command, CommanderError, Option } from 'commander';
import { TEST_HELP } from './commands/testHelp.ts';
import { CONTRACT_HELP, DIFF_HELP } from './contract/diffHelp.ts';
import { EXIT } from './exitCodes.ts';
import { INIT_HELP, INIT_SOURCES } from './init/initHelp.ts';

// Commands are imported when run, so that --help does not wait for DuckDB and the HTTP server to load.

const DEPLOY_HELP = `
The bundle holds the product's definition (product.yaml, mapping, protocols, plugins, tests,
package.json; not the source data) and its built snapshot: run 'plexus build <dir>' first. The node
loads the version and runs its tests (tests/*.yaml) before it switches the channel to it; when they
fail it refuses (the failures are printed) and keeps serving the previous version, which stays
available to 'plexus rollback'.

Examples:
  $ plexus build . && plexus deploy . --node https://plexus.example.org --channel staging
  $ PLEXUS_TOKEN=… plexus deploy products/pbc-trial --node https://plexus.example.org --channel production

Exit codes: 0 deployed, 1 the product has problems or the node refused the version (e.g. its tests
fail), 2 wrong usage (no --node, a bad --channel), 69 node unreachable, 77 credentials refused.
Documentation: docs/delivery.md.`;

const EXAMPLES = `
A data product is a folder with product.yaml, mapping.yaml, protocols/ and plugins/.

Examples:
  $ plexus init products/lung --from csv lung.csv   a product from CSV files (or --from cdisc|omop <dir>)
  $ plexus validate products/va-lung-trial       report every problem as file:line:col  code  message
  $ plexus build products/va-lung-trial          sources → data tests → immutable Parquet snapshot
  $ plexus run products/va-lung-trial kaplan-meier --param groupBy=cell_type
  $ plexus test products --junit reports/plexus.xml   run every product's tests/*.yaml (JUnit for CI)
  $ plexus contract products/pbc-trial            the data contract: model, protocols, parameters, result blocks
  $ plexus diff main products/pbc-trial          changes against main, BREAKING or ok, and the version verdict
  $ plexus serve products --build                build what is stale, then serve every product over HTTP
  $ plexus mesh up products/demo-mesh.yaml --build   the demo mesh: a hub with the catalog, hospitals as sites
  $ plexus token create laptop --scopes read,run  a personal API token for scripts (printed once)
  $ plexus runs --product va-lung-trial          your run history on the node; plexus runs <id> > result.json
  $ plexus rerun 3f2a… --original                execute a run again on its original versions: what changed?
  $ plexus deploy products/pbc-trial --node https://plexus.example.org --channel staging
                                                 ship the built version; the node runs its tests before switching
  $ plexus rollback pbc-trial --node https://plexus.example.org --channel production   back to the previous version
  $ plexus deployments pbc-trial --node https://plexus.example.org   what each channel serves, and its history
  $ plexus grant va-lung-trial group:g_abc analyst   let a group run the apps of a product you own
  $ plexus user create a.lovelace --name "Ada Lovelace"   a local account and its first token (administrators)
  $ plexus owners va-lung-trial user:u_abc        appoint a product's owners (administrators)

Exit codes: 0 success, 1 problems in the input (or a refused request), 2 wrong usage, 69 node
unreachable, 70 internal error, 75 conflict, 77 credentials refused.
Documentation: docs/ in the Plexus repository; schemas for editors: schemas/.`;

function program(setCode: (code: number) => void): Command {
  const root = new Command('plexus')
    .description('Plexus — data products for precision medicine: build, validate, run and serve them.')
    .version('0.1.0')
    .showSuggestionAfterError(true)
    .exitOverride()
    .addHelpText('after', EXAMPLES);

  root
    .command('init')
    .description('create a product folder from CSV files, a CDISC SDTM/ADaM folder or an OMOP CDM folder')
    .argument('<dir>', 'the product folder to create')
    .argument('<input...>', 'csv: one or more CSV files; cdisc, omop: the folder holding the tables')
    .addOption(
      new Option('--from <kind>', 'what the input is').choices([...INIT_SOURCES]).makeOptionMandatory(),
    )
    .option('--id <id>', 'product id (default: from the folder name)')
    .option('--title <title>', 'product title (default: from the id)')
    .option('--force', 'write into a folder that is not empty, overwriting the files init writes')
    .option('--no-ci', 'do not write the CI workflow .github/workflows/plexus.yml')
    .addHelpText('after', INIT_HELP)
    .action(
      async (
        dir: string,
        inputs: string[],
        options: {
          from: (typeof INIT_SOURCES)[number];
          id?: string;
          title?: string;
          force?: boolean;
          ci?: boolean;
        },
      ) => setCode(await (await import('./commands/initCommand.ts')).initCommand(dir, inputs, options)),
    );

  root
    .command('validate')
    .description(
      'check product folders and report all problems, one per line as file:line:col  code  message',
    )
    .argument(
      '[dir...]',
      'product folders, or folders holding product folders (default: the current folder)',
      ['.'],
    )
    .option('--json', 'print the problems as JSON')
    .action(async (dirs: string[], options: { json?: boolean }) =>
      setCode(await (await import('./commands/validateCommand.ts')).validateCommand(dirs, options)),
    );

  root
    .command('build')
    .description('build snapshots: read sources, run data tests, write Parquet and manifest.json atomically')
    .argument(
      '[dir...]',
      'product folders, or folders holding product folders (default: the current folder)',
      ['.'],
    )
    .option('--force', 'rebuild even when a snapshot of the same data version exists')
    .option('--snapshot-root <dir>', "this product's snapshot folder (default: <product>/.plexus)")
    .option(
      '--data-dir <dir>',
      'keep snapshots in <dir>/<product id> instead of <product>/.plexus',
      process.env.PLEXUS_DATA_DIR,
    )
    .addHelpText(
      'after',
      '\nUnchanged inputs give the same data version; a failed or interrupted build leaves the current snapshot in service.',
    )
    .action(async (dirs: string[], options: { force?: boolean; snapshotRoot?: string; dataDir?: string }) =>
      setCode(await (await import('./commands/buildCommand.ts')).buildCommand(dirs, options)),
    );

  root
    .command('run')
    .description('run one protocol of a built product locally and print the result document (JSON)')
    .argument('<dir>', 'product folder')
    .argument('<protocol>', 'protocol id, e.g. kaplan-meier')
    .option('--params <json>', 'all parameters as one JSON object')
    .option('--param <name=value...>', 'one parameter; repeat for more (values parse as JSON when they can)')
    .option(
      '--data-dir <dir>',
      'keep snapshots in <dir>/<product id> instead of <product>/.plexus',
      process.env.PLEXUS_DATA_DIR,
    )
    .option(
      '--with <dir...>',
      'other product folders its plugins may call (ctx.mesh); sibling product folders are found by id anyway',
    )
    .addHelpText(
      'after',
      `\nExamples:\n  $ plexus run products/va-lung-trial kaplan-meier --params '{"groupBy": "arm", "cohort": {"all": [{"attribute": "karnofsky", "op": "gte", "value": 60}]}}'\n  $ plexus run products/adverse-event-reports drug-safety-profile --param drug=metformin\n    (asks trial-registry and health-economics, found beside it in products/)`,
    )
    .action(
      async (
        dir: string,
        protocol: string,
        options: { params?: string; param?: string[]; dataDir?: string; with?: string[] },
      ) => setCode(await (await import('./commands/runCommand.ts')).runCommand(dir, protocol, options)),
    );

  root
    .command('serve')
    .description('serve products over HTTP (the node API; OpenAPI at /api/v1/openapi.json)')
    .argument('<dir...>', 'product folders, or folders holding product folders')
    .option('-p, --port <port>', 'port to listen on', process.env.PORT ?? '7700')
    .option('--host <host>', 'interface to listen on (0.0.0.0 for all)', process.env.HOST ?? '127.0.0.1')
    .option('--build', 'first build every product whose snapshot is missing or stale')
    .option(
      '--data-dir <dir>',
      'keep snapshots in <dir>/<product id> instead of <product>/.plexus',
      process.env.PLEXUS_DATA_DIR,
    )
    .option(
      '--control-store <url>',
      'users, tokens, grants and the audit log: sqlite:<file> or postgres://… (default sqlite:<data dir or .plexus>/control.db; env PLEXUS_CONTROL_STORE)',
    )
    .option(
      '--cors-origins <list>',
      'comma-separated origins allowed to call the API from browsers, e.g. https://portal.example.org (env PLEXUS_CORS_ORIGINS); none by default',
    )
    .option(
      '--allow-failing-tests',
      "serve product versions whose own tests (tests/*.yaml) fail; without it such a version is refused. The failures show in the product's metadata",
    )
    .option(
      '--mesh <file>',
      "join a mesh: the node's mesh configuration (mesh.yaml: its id, the nodes and identity providers it trusts; env PLEXUS_MESH_CONFIG). The node key is created in the data folder on first start",
    )
    .option(
      '--catalog',
      'serve the mesh catalog (kept in <data dir>/catalog.db): the nodes of the mesh publish their products to it, anyone searches it (env PLEXUS_CATALOG=1; needs --mesh)',
    )
    .addHelpText(
      'after',
      "\nEnvironment:\n  PLEXUS_LOG_LEVEL          log level of the JSON log on stderr: warn (default), info (every request, and calls from other nodes with their user and W3C traceparent), debug, error, silent\n  PLEXUS_ADMIN_TOKEN        the first node administrator's API token, for scripts (else one is created and printed once)\n  PLEXUS_RUN_WAIT_SECONDS   how long a run request waits before it answers 202 (default 10)\n  PLEXUS_CATALOG_HEARTBEAT_SECONDS  how often the node tells the catalog it is alive (default 30)\n  PLEXUS_OIDC_*             single sign-on (docs/authentication.md)",
    )
    .action(
      async (
        dirs: string[],
        options: {
          port: string;
          host: string;
          build?: boolean;
          dataDir?: string;
          controlStore?: string;
          corsOrigins?: string;
          allowFailingTests?: boolean;
          mesh?: string;
          catalog?: boolean;
        },
      ) => setCode(await (await import('./commands/serveCommand.ts')).serveCommand(dirs, options)),
    );

  const nodeOptions = (
    command: Command,
    nodeHelp = 'the node to talk to (default $PLEXUS_NODE or http://localhost:7700)',
  ) =>
    command
      .option('--node <url>', nodeHelp)
      .option('--token <token>', 'your API token (default $PLEXUS_TOKEN)');

  const token = root.command('token').description('your personal API tokens on a node');
  nodeOptions(
    token
      .command('create')
      .description('create a token: its secret is printed once, alone on stdout')
      .argument('<name>', 'what the token is for, e.g. "laptop"')
      .option('--scopes <list>', 'comma-separated: read, run, export, admin', 'read')
      .option('--days <n>', 'days until it expires (default 90)'),
  ).action(async (name: string, options: { scopes: string; days?: string; node?: string; token?: string }) =>
    setCode(await (await import('./commands/tokenCommand.ts')).tokenCreateCommand(name, options)),
  );
  nodeOptions(token.command('list').description('list your tokens (never their secrets)')).action(
    async (options: { node?: string; token?: string }) =>
      setCode(await (await import('./commands/tokenCommand.ts')).tokenListCommand(options)),
  );
  nodeOptions(
    token
      .command('revoke')
      .description('revoke a token: refused from its next use')
      .argument('<id>', 'the token id'),
  ).action(async (id: string, options: { node?: string; token?: string }) =>
    setCode(await (await import('./commands/tokenCommand.ts')).tokenRevokeCommand(id, options)),
  );

  nodeOptions(
    root
      .command('runs')
      .description('your run history on a node, newest first; with a run id, its stored result document')
      .argument('[runId]', "print this run's result document exactly as stored (canonical JSON)")
      .option('--product <id>', 'only runs of this product')
      .option('--protocol <id>', 'only runs of this protocol')
      .option('--status <status>', 'running, succeeded, failed or cancelled')
      .option('--since <date>', 'started at or after this date/time')
      .option('--until <date>', 'started before this date/time')
      .option('--limit <n>', 'how many (1–200)', '50')
      .option('--json', 'print the page as JSON'),
  ).action(async (runId: string | undefined, options: Record<string, string | boolean | undefined>) =>
    setCode(await (await import('./commands/runsCommand.ts')).runsCommand(runId, options)),
  );

  nodeOptions(
    root
      .command('rerun')
      .description('execute a run again and see which versions and which results changed')
      .argument('<runId>', 'the run to execute again (see plexus runs)')
      .option('--original', 'pin the re-run to the versions of the original run (default: current versions)')
      .option('--json', 'print the run and the changes as JSON'),
  ).action(
    async (runId: string, options: { original?: boolean; json?: boolean; node?: string; token?: string }) =>
      setCode(await (await import('./commands/runsCommand.ts')).rerunCommand(runId, options)),
  );

  const deployNodeHelp = 'the node, e.g. https://plexus.example.org (required; default $PLEXUS_NODE)';
  nodeOptions(
    root
      .command('deploy')
      .description(
        "ship a built product version to a node's staging or production channel; the node tests it before switching",
      )
      .argument('<dir>', 'the product folder (built with plexus build)')
      .option('--channel <channel>', 'staging or production (required)')
      .option(
        '--data-dir <dir>',
        'snapshots are in <dir>/<product id> instead of <product>/.plexus',
        process.env.PLEXUS_DATA_DIR,
      )
      .option('--snapshot-root <dir>', "this product's snapshot folder (default: <product>/.plexus)")
      .option('--json', "print the node's answer as JSON")
      .addHelpText('after', DEPLOY_HELP),
    deployNodeHelp,
  ).action(
    async (
      dir: string,
      options: {
        channel?: string;
        dataDir?: string;
        snapshotRoot?: string;
        json?: boolean;
        node?: string;
        token?: string;
      },
    ) => setCode(await (await import('./commands/deployCommand.ts')).deployCommand(dir, options)),
  );

  nodeOptions(
    root
      .command('rollback')
      .description('switch a channel back to the version it served before the current one')
      .argument('<productId>', 'product id')
      .option('--channel <channel>', 'staging or production (required)')
      .option('--json', "print the node's answer as JSON")
      .addHelpText(
        'after',
        '\nExit codes: 0 rolled back, 1 refused (409: nothing to roll back to), 2 wrong usage, 69 node unreachable, 77 credentials refused.',
      ),
    deployNodeHelp,
  ).action(
    async (productId: string, options: { channel?: string; json?: boolean; node?: string; token?: string }) =>
      setCode(await (await import('./commands/deployCommand.ts')).rollbackCommand(productId, options)),
  );

  nodeOptions(
    root
      .command('deployments')
      .description("a product's deployments on a node: what each channel serves, and its history")
      .argument('<productId>', 'product id')
      .option('--json', "print the node's answer as JSON"),
    deployNodeHelp,
  ).action(async (productId: string, options: { json?: boolean; node?: string; token?: string }) =>
    setCode(await (await import('./commands/deployCommand.ts')).deploymentsCommand(productId, options)),
  );

  const mesh = root.command('mesh').description('a mesh of nodes on this machine');
  mesh
    .command('up')
    .description(
      'start every node of a mesh layout as its own process on loopback, each trusting the others; Ctrl-C stops them all',
    )
    .argument('<layout>', 'a mesh layout file (kind: MeshLayout), e.g. products/demo-mesh.yaml')
    .option('--data-dir <dir>', "the nodes' data: <dir>/<node id>/", '.plexus/mesh')
    .option('--build', 'build what is missing or stale before serving')
    .action(async (layout: string, options: { dataDir: string; build?: boolean }) =>
      setCode(await (await import('./commands/meshUpCommand.ts')).meshUpCommand(layout, options)),
    );

  nodeOptions(
    root
      .command('grant')
      .description('give a user or group a role on a product you own (or take it away with --revoke)')
      .argument('<product>', 'product id')
      .argument('<principal>', 'user:<id> or group:<id>')
      .argument('[role]', 'viewer, analyst, exporter or owner')
      .option('--revoke', "take the principal's role away"),
  ).action(
    async (
      productId: string,
      principal: string,
      role: string | undefined,
      options: { revoke?: boolean; node?: string; token?: string },
    ) =>
      setCode(
        await (await import('./commands/grantCommand.ts')).grantCommand(productId, principal, role, options),
      ),
  );

  nodeOptions(
    root
      .command('owners')
      .description(
        "show a product's appointed owners, or appoint them (node administrators): owners manage its grants",
      )
      .argument('<product>', 'product id')
      .argument('[principals...]', 'user:<id> or group:<id>: the whole new list of owners')
      .option('--clear', 'appoint no owners'),
  ).action(
    async (
      productId: string,
      principals: string[],
      options: { clear?: boolean; node?: string; token?: string },
    ) =>
      setCode(
        await (await import('./commands/ownersCommand.ts')).ownersCommand(productId, principals, options),
      ),
  );

  const user = root
    .command('user')
    .description('local accounts on a node without single sign-on (administrators)');
  nodeOptions(
    user
      .command('create')
      .description(
        'create a local account and its first API token: the token is printed once, alone on stdout',
      )
      .argument('<username>', 'lower-case letters, digits, dot, dash, underscore, e.g. a.lovelace')
      .requiredOption('--name <name>', 'the name people see, e.g. "Ada Lovelace"')
      .option('--email <address>', 'where to reach them')
      .option(
        '--scopes <list>',
        "the first token's scopes, comma-separated: read, run, export, admin",
        'read,run',
      )
      .option('--days <n>', 'days until the token expires (default 90)'),
  ).action(
    async (
      username: string,
      options: { name: string; email?: string; scopes: string; days?: string; node?: string; token?: string },
    ) => setCode(await (await import('./commands/userCommand.ts')).userCreateCommand(username, options)),
  );

  root
    .command('test')
    .description("run products' tests (tests/*.yaml): protocol runs with checks of their result blocks")
    .argument(
      '[dir...]',
      'product folders, or folders holding product folders (default: the current folder)',
      ['.'],
    )
    .option('--junit <file>', 'also write the results as JUnit XML (for CI)')
    .option('--json', 'print the reports as JSON on stdout')
    .option(
      '--data-dir <dir>',
      'keep snapshots in <dir>/<product id> instead of <product>/.plexus',
      process.env.PLEXUS_DATA_DIR,
    )
    .option(
      '--with <dir...>',
      'other product folders the plugins may call (ctx.mesh); sibling product folders are found by id anyway',
    )
    .addHelpText('after', TEST_HELP)
    .action(
      async (
        dirs: string[],
        options: { junit?: string; json?: boolean; dataDir?: string; with?: string[] },
      ) => setCode(await (await import('./commands/testCommand.ts')).testCommand(dirs, options)),
    );

  root
    .command('contract')
    .description(
      "print a product's data contract: attributes, endpoints, modalities, protocols, result blocks",
    )
    .argument('<dir>', 'product folder (no build needed)')
    .option('--json', 'print the Contract document as JSON')
    .addHelpText('after', CONTRACT_HELP)
    .action(async (dir: string, options: { json?: boolean }) =>
      setCode(await (await import('./commands/contractCommand.ts')).contractCommand(dir, options)),
    );

  root
    .command('diff')
    .description(
      'compare the contracts of two versions of a product; exit 1 when a breaking change lacks its major bump',
    )
    .argument('<old>', 'product folder, git revision <ref>, or <ref>:<path>')
    .argument('<new>', 'product folder, git revision <ref>, or <ref>:<path>')
    .option('--json', 'print the changes and the version verdict as JSON')
    .addHelpText('after', DIFF_HELP)
    .action(async (oldSide: string, newSide: string, options: { json?: boolean }) =>
      setCode(await (await import('./commands/diffCommand.ts')).diffCommand(oldSide, newSide, options)),
    );

  root
    .command('schemas')
    .description('write the JSON Schemas of product, mapping, protocol, cohort, result and run documents')
    .argument('[outDir]', 'folder to write to', 'schemas')
    .action(async (outDir: string) =>
      setCode(await (await import('./commands/schemasCommand.ts')).schemasCommand(outDir)),
    );

  return root;
}

/** Runs the CLI and returns the exit code; never lets a stack trace reach a user unless PLEXUS_DEBUG is set. */
export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await program((value) => {
      code = value;
    }).parseAsync([...argv]);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      )
        return EXIT.ok;
      return EXIT.usage;
    }
    if (isPlexusError(error)) {
      process.stderr.write(`error: ${error.message}\n`);
      for (const detail of error.details)
        if (!error.message.includes(detail.message))
          process.stderr.write(`  ${detail.at ? `${detail.at}: ` : ''}${detail.message}\n`);
      return error instanceof ConflictError ? EXIT.conflict : EXIT.problems;
    }
    process.stderr.write(`internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.PLEXUS_DEBUG) process.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
    else
      process.stderr.write('this is a bug in Plexus; set PLEXUS_DEBUG=1 for details and please report it\n');
    return EXIT.internal;
  }
}
