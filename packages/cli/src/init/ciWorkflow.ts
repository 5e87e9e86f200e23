/** Where `plexus init` writes the CI workflow, relative to the product folder (the root of its repository). */
export const CI_WORKFLOW_PATH = '.github/workflows/plexus.yml';

export interface CiWorkflowOptions {
  /** The product's id, named in the workflow's comments. */
  productId: string;
  /** The branch that deploys and that pull requests are compared with; default main. */
  mainBranch?: string;
}

/** The steps every job starts with: the repository with its history, Node.js 20 and Plexus. */
function setupSteps(fetchDepth: number): string {
  return `      - uses: actions/checkout@v4
        with:
          fetch-depth: ${fetchDepth}${fetchDepth === 0 ? '   # the whole history, so that the contract diff can read the main branch' : ''}
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install Plexus
        # The plexus command and the standard apps the plugins import (@plexus/apps), at PLEXUS_VERSION.
        # Adjust this step to how your organisation gets Plexus: a private registry (with an .npmrc),
        # a git checkout of Plexus, or a container image that has it.
        run: |
          npm install --no-save --no-package-lock "@plexus/cli@$PLEXUS_VERSION" "@plexus/apps@$PLEXUS_VERSION"
          echo "$PWD/node_modules/.bin" >> "$GITHUB_PATH"`;
}

/**
 * A GitHub Actions workflow for a product's own repository: validate, build and test on every push and
 * pull request, check the data contract against the main branch on pull requests, and on the main
 * branch deploy to the node's staging channel and then, once approved, to production.
 */
export function ciWorkflow(options: CiWorkflowOptions): string {
  const main = options.mainBranch ?? 'main';
  return `# Continuous delivery of the data product ${options.productId}, written by 'plexus init'; adjust it freely.
#   every push and pull request: plexus validate → build → test (the JUnit report is kept as an artifact)
#   pull requests: plexus diff origin/${main} . — fails on a breaking change without a major version bump
#   pushes to ${main}: deploy to the staging channel, then to production (approved in the "production"
#   environment)
# The node loads each version and runs its tests before it switches a channel to it; a refused version
# leaves the previous one in service ('plexus rollback' goes back one version). See docs/delivery.md.
#
# Set up in the repository's settings:
#   variables:    PLEXUS_NODE   the node's URL, e.g. https://plexus.example.org
#   secrets:      PLEXUS_TOKEN  an API token of a product owner on that node (plexus token create ci)
#   environments: production    add required reviewers to approve every release to production
name: plexus

on:
  push:
  pull_request:

permissions:
  contents: read

env:
  PLEXUS_VERSION: latest   # pin the Plexus release this product is built and tested with, e.g. 0.1.0

jobs:
  check:
    name: validate, build, test
    runs-on: ubuntu-latest
    steps:
${setupSteps(0)}
      - name: Validate
        run: plexus validate .
      - name: Build
        run: plexus build .
      - name: Test
        run: plexus test . --junit reports/plexus-tests.xml
      - name: Keep the test report
        if: \${{ !cancelled() }}
        uses: actions/upload-artifact@v4
        with:
          name: plexus-tests
          path: reports/plexus-tests.xml
          if-no-files-found: ignore
      - name: Contract check against ${main}
        # A product new on this branch has no folder on ${main} yet: compare with a release tag instead.
        if: github.event_name == 'pull_request'
        run: plexus diff origin/${main} .

  deploy-staging:
    name: deploy to staging
    needs: check
    if: github.event_name == 'push' && github.ref == 'refs/heads/${main}'
    runs-on: ubuntu-latest
    environment: staging
    concurrency: plexus-deploy-staging
    steps:
${setupSteps(1)}
      - name: Build
        run: plexus build .   # the same inputs give the same data version as in the check job
      - name: Deploy to staging
        env:
          PLEXUS_TOKEN: \${{ secrets.PLEXUS_TOKEN }}
        run: plexus deploy . --node \${{ vars.PLEXUS_NODE }} --channel staging

  deploy-production:
    name: deploy to production
    needs: deploy-staging
    runs-on: ubuntu-latest
    environment: production
    concurrency: plexus-deploy-production
    steps:
${setupSteps(1)}
      - name: Build
        run: plexus build .
      - name: Deploy to production
        env:
          PLEXUS_TOKEN: \${{ secrets.PLEXUS_TOKEN }}
        run: plexus deploy . --node \${{ vars.PLEXUS_NODE }} --channel production
`;
}
