import { isIP } from 'node:net';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|\+00:00)$/;

/**
 * Checks a `GET /` body: a JSON object whose `timestamp` is an ISO 8601 UTC time and whose
 * `ip` is an IP literal (equal to `expectedIp` when given). Returns what is wrong, or null.
 */
export function findTimeResponseProblem(body: string, expectedIp?: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `body is not JSON: ${JSON.stringify(body.slice(0, 120))}`;
  }

  if (typeof parsed !== 'object' || parsed === null) {
    return `body is not a JSON object: ${body.slice(0, 120)}`;
  }
  const { timestamp, ip } = parsed as Record<string, unknown>;

  if (typeof timestamp !== 'string' || !ISO_UTC.test(timestamp)) {
    return `timestamp is not an ISO 8601 UTC time: ${JSON.stringify(timestamp)}`;
  }
  if (typeof ip !== 'string' || isIP(ip) === 0) {
    return `ip is not an IP address: ${JSON.stringify(ip)}`;
  }
  if (expectedIp !== undefined && ip !== expectedIp) {
    return `ip is ${ip}, expected ${expectedIp}`;
  }
  return null;
}
