import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CI_WORKFLOW_PATH, ciWorkflow } from './ciWorkflow.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

interface Job {
  needs?: string | string[];
  if?: string;
  environment?: string;
  steps: Step[];
}

interface Workflow {
  name: string;
  on: Record<string, unknown>;
  env: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = parse(ciWorkflow({ productId: 'lung-trial' })) as Workflow;
const runs = (job: Job | undefined) => (job?.steps ?? []).map((step) => step.run ?? step.uses ?? '');
const step = (job: Job | undefined, text: string) =>
  job?.steps.find((candidate) => (candidate.run ?? candidate.uses ?? '').includes(text));

describe('the CI workflow plexus init writes', () => {
  it('is a GitHub Actions workflow at .github/workflows/plexus.yml, on push and pull_request', () => {
    expect(CI_WORKFLOW_PATH).toBe('.github/workflows/plexus.yml');
    expect(workflow.name).toBe('plexus');
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(workflow.env.PLEXUS_VERSION).toBeTruthy();
    expect(Object.keys(workflow.jobs)).toEqual(['check', 'deploy-staging', 'deploy-production']);
  });

  it('checks out with history, sets up Node 20, installs Plexus at PLEXUS_VERSION, then validate → build → test → diff', () => {
    const check = workflow.jobs.check;
    const checkout = step(check, 'actions/checkout');
    expect(checkout?.with?.['fetch-depth']).toBe(0);
    expect(step(check, 'actions/setup-node')?.with?.['node-version']).toBe(20);
    expect(step(check, 'npm install')?.run).toContain('@plexus/cli@$PLEXUS_VERSION');
    const commands = runs(check).filter((run) => run.startsWith('plexus '));
    expect(commands).toEqual([
      'plexus validate .',
      'plexus build .',
      'plexus test . --junit reports/plexus-tests.xml',
      'plexus diff origin/main .',
    ]);
    expect(step(check, 'plexus diff')?.if).toBe("github.event_name == 'pull_request'");
    const upload = step(check, 'actions/upload-artifact');
    expect(upload?.with?.path).toBe('reports/plexus-tests.xml');
    expect(runs(check).indexOf(upload?.uses ?? '')).toBeGreaterThan(
      runs(check).indexOf('plexus test . --junit reports/plexus-tests.xml'),
    );
  });

  it('deploys main to staging, then to production behind the production environment', () => {
    const staging = workflow.jobs['deploy-staging'];
    const production = workflow.jobs['deploy-production'];
    expect(staging?.needs).toBe('check');
    expect(staging?.if).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(production?.needs).toBe('deploy-staging');
    expect(production?.environment).toBe('production');
    for (const [job, channel] of [
      [staging, 'staging'],
      [production, 'production'],
    ] as const) {
      expect(runs(job)).toContain('plexus build .');
      const deploy = step(job, 'plexus deploy');
      expect(deploy?.run).toBe(`plexus deploy . --node \${{ vars.PLEXUS_NODE }} --channel ${channel}`);
      expect(deploy?.env?.PLEXUS_TOKEN).toBe(`\${{ secrets.PLEXUS_TOKEN }}`);
      expect(runs(job).indexOf('plexus build .')).toBeLessThan(runs(job).indexOf(deploy?.run ?? ''));
    }
  });

  it('names another main branch when asked', () => {
    const other = parse(ciWorkflow({ productId: 'x', mainBranch: 'trunk' })) as Workflow;
    expect(runs(other.jobs.check)).toContain('plexus diff origin/trunk .');
    expect(other.jobs['deploy-staging']?.if).toContain("'refs/heads/trunk'");
  });
});
