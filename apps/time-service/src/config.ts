import { CONTAINER_PORT } from '@simple-time-service/service-contract';

import { parseIpLiteral } from './ip-address';
import { parseTrustProxy, TRUST_PROXY_FORMS, type TrustProxyPolicy } from './trust-proxy';

/** Log levels the service accepts in LOG_LEVEL, quietest last. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/** One of LOG_LEVELS. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The service's settings, read from the environment once at start. */
export interface ServiceConfig {
  /** TCP port to listen on. @default 8080 (CONTAINER_PORT) */
  readonly port: number;
  /** Address to bind. @default '0.0.0.0' (every IPv4 interface) */
  readonly host: string;
  /** Whom to believe about the caller's address. @default - trust no proxy */
  readonly trustProxy: TrustProxyPolicy;
  /** Lowest level that is logged. @default 'info' */
  readonly logLevel: LogLevel;
}

/** Thrown when the environment holds values the service cannot run with; lists every one. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';

  /** One line per invalid variable, each naming it, the value and what it accepts. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.problems = problems;
  }
}

// A DNS name such as "localhost" or "api.internal": labels of letters, digits and hyphens.
const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/**
 * Reads PORT, HOST, TRUST_PROXY and LOG_LEVEL. Every variable is checked before the first
 * error is thrown, so one run reports everything that needs fixing.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): ServiceConfig {
  const problems: string[] = [];
  const record = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (error) {
      problems.push((error as Error).message);
      return fallback;
    }
  };

  const config: ServiceConfig = {
    port: record(() => parsePort(env.PORT), CONTAINER_PORT),
    host: record(() => parseHost(env.HOST), '0.0.0.0'),
    trustProxy: record(() => parseTrustProxyVariable(env.TRUST_PROXY), { kind: 'none' }),
    logLevel: record(() => parseLogLevel(env.LOG_LEVEL), 'info'),
  };

  if (problems.length > 0) {
    throw new ConfigError(problems);
  }
  return config;
}

function parsePort(value: string | undefined): number {
  const text = trimmedOrUndefined(value);
  if (text === undefined) {
    return CONTAINER_PORT;
  }

  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
    throw new Error(`PORT must be an integer from 1 to 65535, got ${JSON.stringify(value)}`);
  }
  return port;
}

function parseHost(value: string | undefined): string {
  const host = trimmedOrUndefined(value);
  if (host === undefined) {
    return '0.0.0.0';
  }

  // Digits and dots alone would pass as a host name, but are meant as an IPv4 address.
  const looksLikeIpv4 = /^[\d.]+$/.test(host);
  const valid = parseIpLiteral(host) !== null || (!looksLikeIpv4 && HOST_NAME.test(host));
  if (!valid) {
    throw new Error(
      `HOST must be an IP address (0.0.0.0 for every interface, :: for IPv6 too) or a host ` +
        `name such as localhost, got ${JSON.stringify(value)}`,
    );
  }
  return host;
}

function parseTrustProxyVariable(value: string | undefined): TrustProxyPolicy {
  try {
    return parseTrustProxy(value);
  } catch (error) {
    throw new Error(
      `TRUST_PROXY must be ${TRUST_PROXY_FORMS}; ${(error as Error).message}, ` +
        `got ${JSON.stringify(value)}`,
    );
  }
}

function parseLogLevel(value: string | undefined): LogLevel {
  const level = trimmedOrUndefined(value)?.toLowerCase();
  if (level === undefined) {
    return 'info';
  }

  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new Error(
      `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
  return level as LogLevel;
}

function trimmedOrUndefined(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text === '' ? undefined : text;
}
