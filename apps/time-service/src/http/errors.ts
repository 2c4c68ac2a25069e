/** A small JSON error body: the status and its reason phrase, never a stack trace. */
export interface ErrorBody {
  /** The HTTP status code, repeated for clients that only keep the body. */
  readonly status: number;
  /** The status's reason phrase. */
  readonly error: string;
}

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
};

/** Builds the body for an error status. */
export function errorBody(status: number): ErrorBody {
  return { status, error: REASONS[status] ?? 'Error' };
}

/**
 * The methods a path answers, as the `Allow` header lists them, from the routes an app
 * registered. Bun answers HEAD wherever GET is routed, so HEAD is added beside GET.
 */
export function allowedMethodsByPath(
  routes: readonly { readonly method: string; readonly path: string }[],
): ReadonlyMap<string, string> {
  const methods = new Map<string, Set<string>>();

  for (const { method, path } of routes) {
    const forPath = methods.get(path) ?? new Set<string>();
    forPath.add(method);
    if (method === 'GET') {
      forPath.add('HEAD');
    }
    methods.set(path, forPath);
  }

  return new Map([...methods].map(([path, set]) => [path, [...set].sort().join(', ')]));
}
