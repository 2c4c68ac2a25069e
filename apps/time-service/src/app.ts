import { Elysia } from 'elysia';

import { allowedMethodsByPath, errorBody } from './http/errors';
import { requestLog } from './http/request-log';
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
    .use(requestLog(logger, trustProxy))
    .onError({ as: 'global' }, ({ code, error, path, request, set }) => {
      if (code === 'NOT_FOUND') {
        // Routes are fixed once the app is built; index them on the first miss.
        allowedMethods ??= allowedMethodsByPath(app.routes);
        const allow = allowedMethods.get(path);

        if (allow !== undefined) {
          set.status = 405;
          set.headers['allow'] = allow;
          return errorBody(405);
        }
        set.status = 404;
        return errorBody(404);
      }

      if (code === 'PARSE' || code === 'VALIDATION') {
        set.status = 400;
        return errorBody(400);
      }

      logger.error({ err: error, method: request.method, path }, 'request failed');
      set.status = 500;
      return errorBody(500);
    })
    .use(timeRoutes(trustProxy, now))
    .use(healthRoutes());

  return app;
}

/** The service's Elysia app. */
export type TimeServiceApp = ReturnType<typeof createApp>;
