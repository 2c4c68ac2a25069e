import { Elysia } from 'elysia';
import { HEALTH_CHECK_PATH } from '@simple-time-service/service-contract';

/** `GET /healthz`: answers as soon as the server can route a request, and does nothing else. */
export function healthRoutes() {
  return new Elysia({ name: 'health-routes' }).get(HEALTH_CHECK_PATH, () => ({ status: 'ok' }));
}
