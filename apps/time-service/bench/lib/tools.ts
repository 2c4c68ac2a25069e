import { spawnSync } from 'node:child_process';

/** A Debian package the suite needs, and how to tell whether it is installed. */
export interface AptRequirement {
  /** Debian package name, as passed to apt-get install. */
  readonly aptPackage: string;
  /** Command and arguments that exit 0 only when the package is usable. */
  readonly probe: readonly string[];
}

/** wrk: the load generator for the benchmark and the soak. */
// `wrk --version` exits 1, so the probe asks the shell whether the command exists.
export const WRK: AptRequirement = { aptPackage: 'wrk', probe: ['sh', '-c', 'command -v wrk'] };

/** gunicorn from Debian, which runs the reference Flask app with Debian's python3. */
export const GUNICORN: AptRequirement = {
  aptPackage: 'gunicorn',
  probe: ['/usr/bin/gunicorn', '--version'],
};

/** Flask from Debian, importable by /usr/bin/python3 (a pyenv or venv Flask does not count). */
export const FLASK: AptRequirement = {
  aptPackage: 'python3-flask',
  probe: ['/usr/bin/python3', '-c', 'import flask'],
};

/**
 * Makes sure every requirement is installed: as root it runs apt-get install for the missing
 * ones (with apt-get update first if the package lists are stale); otherwise it throws with
 * the command to run.
 */
export function ensureAptPackages(requirements: readonly AptRequirement[]): void {
  const missing = requirements.filter((each) => !isUsable(each)).map((each) => each.aptPackage);
  if (missing.length === 0) {
    return;
  }

  const install = `apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages ${missing.join(', ')}; run: sudo ${install}`);
  }

  console.error(`Installing missing Debian packages: ${missing.join(' ')}`);
  if (!runApt(['install', '-y', ...missing])) {
    runApt(['update']);
    if (!runApt(['install', '-y', ...missing])) {
      throw new Error(`"${install}" failed; see apt-get's output above, fix it and re-run`);
    }
  }
}

function isUsable(requirement: AptRequirement): boolean {
  const [command, ...args] = requirement.probe;
  const result = spawnSync(command as string, args, { stdio: 'ignore' });
  return result.status === 0;
}

function runApt(args: readonly string[]): boolean {
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}
