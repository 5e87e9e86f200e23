import { combineSites } from '@plexus/apps';
import { isPlexusError, type PluginOutput } from '@plexus/spec';
import type { FastifyRequest } from 'fastify';
import { answerAsSite, type SiteContext } from './answerAsSite.ts';
import { RemoteSiteError, type RemoteSites } from './RemoteSites.ts';
import type { SiteAnswer, SiteOutcome } from './SiteAnswer.ts';

export interface FederatedRequest {
  sites: Array<{ product: string; node?: string }>;
  protocol: string;
  params?: Record<string, unknown>;
  timeoutSeconds?: number;
}

export interface FederatedRun {
  status: 'succeeded' | 'failed';
  protocol: string;
  params: Record<string, unknown>;
  startedAt: string;
  durationMs: number;
  sites: SiteOutcome[];
  result?: PluginOutput;
  error?: { code: string; message: string };
}

class SiteTimeout extends Error {}

function statusOf(error: unknown): { status: SiteOutcome['status']; message: string } {
  if (error instanceof SiteTimeout) return { status: 'timeout', message: error.message };
  if (error instanceof RemoteSiteError) return { status: error.status, message: error.message };
  if (isPlexusError(error)) {
    const denied = ['NOT_FOUND', 'NOT_ALLOWED', 'UNAUTHENTICATED'].includes(error.code);
    return { status: denied ? 'denied' : 'error', message: error.message };
  }
  return { status: 'error', message: 'the site failed; its node logged why' };
}

/**
 * A federated run: the same question to every site at once, each with its own deadline, so a site
 * that is slow, down or refusing is reported as such while the others answer. Only the sites'
 * aggregates — after their own disclosure control — are combined, by the protocol's rule.
 */
export async function runFederated(
  context: SiteContext,
  remote: RemoteSites | undefined,
  request: FastifyRequest,
  body: FederatedRequest,
  onSiteError: (error: unknown, site: { product: string; node: string }) => void,
): Promise<FederatedRun> {
  const started = Date.now();
  const params = body.params ?? {};
  const timeoutMs = Math.round((body.timeoutSeconds ?? 30) * 1000);
  const outcomes = await Promise.all(
    body.sites.map(async (site): Promise<SiteOutcome> => {
      const node = site.node ?? context.node;
      const siteStarted = Date.now();
      const controller = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          controller.abort();
          reject(new SiteTimeout(`no answer within ${timeoutMs / 1000} s`));
        }, timeoutMs);
      });
      try {
        const asking =
          node === context.node
            ? answerAsSite(context, request, site.product, body.protocol, params, controller.signal)
            : remote
              ? remote.ask(node, site.product, body.protocol, params, {
                  request,
                  timeoutMs,
                  signal: controller.signal,
                })
              : Promise.reject(
                  new RemoteSiteError('error', `this node is not part of a mesh: it cannot ask ${node}`),
                );
        const answer: SiteAnswer = await Promise.race([asking, deadline]);
        return {
          product: site.product,
          node,
          status: answer.empty ? 'suppressed' : 'ok',
          // The guards' reasons name which rule held a value back, never a count: they are safe to pass on,
          // and they tell the asker what a broader question would need.
          ...(answer.empty
            ? {
                message: `disclosure control withheld every value${answer.reasons.length > 0 ? `: ${answer.reasons.join('; ')}` : ''}`,
              }
            : {}),
          durationMs: Date.now() - siteStarted,
          answer,
        };
      } catch (error) {
        const { status, message } = statusOf(error);
        if (status === 'error' && !isPlexusError(error) && !(error instanceof RemoteSiteError))
          onSiteError(error, { product: site.product, node });
        return { product: site.product, node, status, message, durationMs: Date.now() - siteStarted };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const answered = outcomes.filter((outcome) => outcome.status === 'ok' && outcome.answer);
  const base = {
    protocol: body.protocol,
    params,
    startedAt: new Date(started).toISOString(),
    sites: outcomes,
  };
  const rules = new Set(answered.map((outcome) => outcome.answer?.protocol.combine));
  if (answered.length === 0 || rules.size !== 1) {
    return {
      ...base,
      status: 'failed',
      durationMs: Date.now() - started,
      error:
        answered.length === 0
          ? { code: 'NO_SITE_ANSWERED', message: 'no site answered with aggregates; see each site' }
          : {
              code: 'MIXED_RULES',
              message: `the sites combine this protocol differently: ${[...rules].join(', ')}`,
            },
    };
  }
  try {
    const result = combineSites(
      [...rules][0] as NonNullable<SiteAnswer['protocol']['combine']>,
      answered.map((outcome) => ({
        site: `${outcome.node}/${outcome.product}`,
        aggregates: (outcome.answer as SiteAnswer).aggregates,
      })),
    );
    return { ...base, status: 'succeeded', durationMs: Date.now() - started, result };
  } catch (error) {
    return {
      ...base,
      status: 'failed',
      durationMs: Date.now() - started,
      error: { code: 'COMBINE_FAILED', message: error instanceof Error ? error.message : String(error) },
    };
  }
}
