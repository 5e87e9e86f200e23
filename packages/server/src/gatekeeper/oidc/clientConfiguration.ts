import * as client from 'openid-client';
import { issuerKeys } from './discovery.ts';
import { clockToleranceOf, type OidcConfig } from './OidcConfig.ts';
import { isLoopbackUrl } from './transport.ts';

// Built once per config object, from the metadata the verifier already discovered, so sign-in and
// token verification see the same provider and the provider is asked only once.
const configurations = new WeakMap<OidcConfig, Promise<client.Configuration>>();

/** openid-client's view of the provider and of this node as its client. */
export function clientConfiguration(config: OidcConfig): Promise<client.Configuration> {
  let pending = configurations.get(config);
  if (!pending) {
    pending = build(config);
    configurations.set(config, pending);
    pending.catch(() => configurations.delete(config));
  }
  return pending;
}

async function build(config: OidcConfig): Promise<client.Configuration> {
  const { metadata } = await issuerKeys(config.issuer);
  const configuration = new client.Configuration(
    metadata as client.ServerMetadata,
    config.clientId,
    { [client.clockTolerance]: clockToleranceOf(config) },
    clientAuthentication(config),
  );
  // openid-client refuses plain HTTP outright; issuerKeys has already limited it to loopback.
  const issuer = new URL(config.issuer);
  if (issuer.protocol === 'http:' && isLoopbackUrl(issuer)) {
    client.allowInsecureRequests(configuration);
  }
  return configuration;
}

function clientAuthentication(config: OidcConfig): client.ClientAuth {
  if (config.clientSecret === undefined) return client.None();
  return config.tokenEndpointAuthMethod === 'client_secret_post'
    ? client.ClientSecretPost(config.clientSecret)
    : client.ClientSecretBasic(config.clientSecret);
}
