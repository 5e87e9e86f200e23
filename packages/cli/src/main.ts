import { ConflictError, isPlexusError } from '@plexus/spec';
import { Command, CommanderError, Option } from 'commander';
import { EXIT } from './exitCodes.ts';
import { INIT_HELP, INIT_SOURCES } from './init/initHelp.ts';

// Commands are imported when run, so that --help does not wait for DuckDB and the HTTP server to load.

const EXAMPLES = `
A data product is a folder with product.yaml, mapping.yaml, protocols/ and plugins/.

Examples:
  $ plexus init products/lung --from csv lung.csv   a product from CSV files (or --from cdisc|omop <dir>)
  $ plexus validate products/va-lung-trial       report every problem as file:line:col  code  message
  $ plexus build products/va-lung-trial          sources → data tests → immutable Parquet snapshot
  $ plexus run products/va-lung-trial kaplan-meier --param groupBy=cell_type
  $ plexus serve products --build                build what is stale, then serve every product over HTTP
  $ plexus token create laptop --scopes read,run  a personal API token for scripts (printed once)
  $ plexus grant va-lung-trial group:g_abc analyst   let a group run the apps of a product you own

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
    .addHelpText('after', INIT_HELP)
    .action(
      async (
        dir: string,
        inputs: string[],
        options: { from: (typeof INIT_SOURCES)[number]; id?: string; title?: string; force?: boolean },
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
    .addHelpText(
      'after',
      `\nExample:\n  $ plexus run products/va-lung-trial kaplan-meier --params '{"groupBy": "arm", "cohort": {"all": [{"attribute": "karnofsky", "op": "gte", "value": 60}]}}'`,
    )
    .action(
      async (
        dir: string,
        protocol: string,
        options: { params?: string; param?: string[]; dataDir?: string },
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
        },
      ) => setCode(await (await import('./commands/serveCommand.ts')).serveCommand(dirs, options)),
    );

  const nodeOptions = (command: Command) =>
    command
      .option('--node <url>', 'the node to talk to (default $PLEXUS_NODE or http://localhost:7700)')
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
