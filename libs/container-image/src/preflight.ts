import { spawnSync } from 'node:child_process';
import { cliNotFound, engineUnavailable } from './errors';

/** How long `<cli> info` may take before the engine counts as not answering. */
const ENGINE_INFO_TIMEOUT_MS = 30_000;

/**
 * Fails fast, with what to install or set, when the container CLI is missing or its engine
 * does not answer, instead of letting a build fail halfway with the CLI's own message.
 */
export function assertContainerEngine(
  cli: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): void {
  const version = spawnSync(cli, ['--version'], { env, encoding: 'utf8' });
  if (version.error) {
    throw cliNotFound(cli);
  }

  const info = spawnSync(cli, ['info'], { env, encoding: 'utf8', timeout: ENGINE_INFO_TIMEOUT_MS });
  if (info.error || info.status !== 0) {
    throw engineUnavailable(cli, describeFailure(info.error, info.stderr));
  }
}

function describeFailure(error: Error | undefined, stderr: string | null): string {
  if (error) {
    return error.message;
  }
  const lastLine = (stderr ?? '').trim().split('\n').pop()?.trim();
  return lastLine || 'no output';
}
