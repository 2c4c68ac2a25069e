import { Elysia } from 'elysia';

import { allowedMethodsByPath, errorBody } from './http/errors';
import { requestContext } from './http/request-context';
import { logRequest } from './http/request-log';
import type { ServiceLogger } from './logger';
import { healthRoutes } from './routes/health';
import { timeRoutes } from './routes/time';
import type { TrustProxyPolicy } from './trust-proxy';

/** What the HTTP layer needs from the rest of the service. */
export interface AppOptions {
  /** Whom to believe about the caller's address. */
  readonly trustProxy: TrustProxyPolicy;
  /** Where request and error lines go. */
  readonly logger: ServiceLogger;
  /** The clock. @default () => new Date() */
  readonly now?: () => Date;
}

/** Builds the service's routes, its error answers and its request log. */
export function createApp(options: AppOptions) {
  const { trustProxy, logger, now = () => new Date() } = options;
  let allowedMethods: ReadonlyMap<string, string> | undefined;

  const app = new Elysia({ name: 'time-service' })
    .use(requestContext(trustProxy))
    .onAfterHandle({ as: 'global' }, ({ request, path, set, receivedAt, clientIp }) => {
      const status = typeof set.status === 'number' ? set.status : 200;
      logRequest(logger, { method: request.method, path, status, receivedAt, clientIp });
    })
    .onError({ as: 'global' }, (context) => {
      const { code, error, request, set, receivedAt, clientIp } = context;
      const path = errorPath(request, context.path);
      let status = 500;

      if (code === 'NOT_FOUND') {
        // Routes are fixed once the app is built; index them on the first miss.
        allowedMethods ??= allowedMethodsByPath(app.routes);
        const allow = allowedMethods.get(path);
        status = allow === undefined ? 404 : 405;
        if (allow !== undefined) {
          set.headers['allow'] = allow;
        }
      } else if (code === 'PARSE' || code === 'VALIDATION') {
        status = 400;
      } else {
        logger.error({ err: error, method: request.method, path }, 'request failed');
      }

      set.status = status;
      logRequest(logger, { method: request.method, path, status, receivedAt, clientIp });
      return errorBody(status);
    })
    .use(timeRoutes(trustProxy, now))
    .use(healthRoutes());

  return app;
}

/**
 * The path of a request that failed. Elysia's own `path` is the whole URL on this path when
 * the Host header has three characters or fewer (it looks for the first '/' after where
 * "http://" and a host would end), so the URL is parsed again; a request target that is not
 * a URL at all (CONNECT's `host:port`) keeps Elysia's reading.
 */
function errorPath(request: Request, elysiaPath: string): string {
  try {
    return new URL(request.url).pathname;
  } catch {
    return elysiaPath;
  }
}

/** The service's Elysia app. */
export type TimeServiceApp = ReturnType<typeof createApp>;
