import { spawnSync } from 'node:child_process';
import { commandFailed, ContainerImageError } from '../errors';

/** Prints the argv, runs it with the terminal attached, and throws if it exits non-zero. */
export function runCommand(argv: readonly string[]): void {
  const [command, ...args] = argv;
  console.error(`$ ${argv.join(' ')}`);

  const result = spawnSync(command ?? '', args, { stdio: 'inherit' });
  if (result.error || result.status !== 0) {
    throw commandFailed(argv, result.status);
  }
}

/** Runs a CLI's body; a ContainerImageError becomes one `error:` line and exit status 1. */
export function runCli(body: () => void): void {
  try {
    body();
  } catch (error) {
    if (!(error instanceof ContainerImageError)) {
      throw error;
    }
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
}
