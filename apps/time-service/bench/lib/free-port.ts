import { createServer } from 'node:net';

/** The only address the harness listens on or sends traffic to. */
export const LOOPBACK = '127.0.0.1';

/**
 * Finds a TCP port on 127.0.0.1 that nothing listens on, by letting the kernel pick one and
 * releasing it. Another process could take it in between; the harness's start-up timeout
 * reports that case rather than hanging.
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, LOOPBACK, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
