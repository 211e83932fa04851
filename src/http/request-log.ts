// What a request log line says about the request: its method and a URL with the secrets taken
// out. Confirmation and unsubscribe links carry their token in the path (RFC 8058 wants a
// one-click URI), and a query string may carry whatever a client put there; whoever reads the
// server's logs must not be able to use a reader's link, nor learn who asked what. The client's
// address is left out too: residents and families use the public routes.

/** Path prefixes whose next segment is a secret token. */
const TOKEN_PATHS = ['/subscriptions/confirm/', '/unsubscribe/'];

/**
 * `url` with the token segment of a link replaced by ":token" and every query value dropped
 * (the parameter names stay, so a log still says which filters were used).
 *
 * @example loggedUrl('/unsubscribe/abc?lang=hy') // '/unsubscribe/:token?lang'
 */
export function loggedUrl(url: string): string {
  const queryAt = url.indexOf('?');
  let path = queryAt === -1 ? url : url.slice(0, queryAt);
  for (const prefix of TOKEN_PATHS) {
    const at = path.indexOf(prefix);
    if (at === -1) continue;
    const rest = path.slice(at + prefix.length);
    const slash = rest.indexOf('/');
    path = `${path.slice(0, at + prefix.length)}:token${slash === -1 ? '' : rest.slice(slash)}`;
  }
  if (queryAt === -1) return path;
  const names = url
    .slice(queryAt + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => pair.split('=')[0] ?? '');
  return names.length === 0 ? path : `${path}?${names.join('&')}`;
}

/** Pino's request serializer: method and redacted URL only. */
export function requestLogFields(request: { method: string; url: string }): {
  method: string;
  url: string;
} {
  return { method: request.method, url: loggedUrl(request.url) };
}
