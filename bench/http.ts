// End-to-end notary receipts over HTTP: autocannon against `vigil serve` in another process.
// Every 200 is a durable, logged entry with its inclusion proof.
import autocannon from 'autocannon';

/** Receipts per second and latency at `connections` concurrent clients for `seconds`. */
export async function measureNotaryHttp(
  url: string,
  token: string,
  connections: number,
  seconds: number,
) {
  const result = await autocannon({
    url: `${url}/api/v1/notary`,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sha256: 'ab'.repeat(32) }),
  });
  return {
    rate: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
