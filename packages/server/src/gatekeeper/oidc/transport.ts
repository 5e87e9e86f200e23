const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True when a URL points at this machine, where plain HTTP cannot be observed by anyone else. */
export function isLoopbackUrl(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

/**
 * Tokens and provider metadata travel over these URLs, so anything but HTTPS would let a network
 * observer steal tokens or swap the signing keys. Plain HTTP is tolerated on loopback only, for
 * development and tests.
 */
export function assertSecureUrl(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new TypeError(`${what} is not a valid URL`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackUrl(url)) return url;
  throw new TypeError(`${what} must use https (plain http is allowed on loopback only)`);
}
