import { SHUTDOWN_GRACE_SECONDS } from '@simple-time-service/service-contract';

import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { ListenError, startServer } from './server';
import { handleShutdownSignals } from './shutdown';

function main(): void {
  const config = loadConfigOrExit();
  const { logger, flush } = createLogger(config.logLevel);

  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception');
    flush();
    process.exit(1);
  });

  const app = createApp({ trustProxy: config.trustProxy, logger });
  let server;
  try {
    server = startServer(app, { port: config.port, host: config.host });
  } catch (error) {
    if (!(error instanceof ListenError)) {
      throw error;
    }
    logger.fatal(error.message);
    flush();
    process.exit(1);
  }

  handleShutdownSignals({
    stop: server.stop,
    graceMs: SHUTDOWN_GRACE_SECONDS * 1000,
    logger,
    flush,
  });

  logger.info(
    {
      host: server.hostname,
      port: server.port,
      trustProxy: describeTrust(config.trustProxy),
      logLevel: config.logLevel,
      bun: Bun.version,
    },
    'listening',
  );
}

// Configuration errors go to stderr as plain text: they are read by a person starting the
// service, before any logger exists.
function loadConfigOrExit() {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) {
      throw error;
    }
    process.stderr.write(`time-service: ${error.message}\n`);
    process.exit(1);
  }
}

function describeTrust(policy: ReturnType<typeof loadConfig>['trustProxy']): string {
  switch (policy.kind) {
    case 'none':
      return 'none';
    case 'hops':
      return `${policy.count} hop(s)`;
    case 'ranges':
      return policy.text;
  }
}

main();
