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
      const path = errorPath(context.path);
      let status = 500;

      if (code === 'NOT_FOUND') {
        // Routes are fixed once the app is built; index them on the first miss.
        allowedMethods ??= allowedMethodsByPath(app.routes);
        const allow = allowedMethods.get(path);
        // A miss on a path that does take this method came from a target that is not the
        // path as routed (a fragment, dot segments): that is a 404, not a 405.
        const wrongMethod = allow !== undefined && !allow.split(', ').includes(request.method);
        status = wrongMethod ? 405 : 404;
        if (wrongMethod) {
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
 * The path of a request that failed. Elysia's `path` is the whole URL here when the Host
 * header has three characters or fewer (it looks for the first '/' after where "http://" and
 * a host would end), so the scheme, host, query and fragment are cut off.
 */
function errorPath(elysiaPath: string): string {
  const scheme = elysiaPath.indexOf('://');
  if (scheme < 0) {
    return elysiaPath;
  }

  const pathStart = elysiaPath.indexOf('/', scheme + 3);
  const path = pathStart < 0 ? '/' : elysiaPath.slice(pathStart);
  return path.split(/[?#]/, 1)[0] ?? '/';
}
