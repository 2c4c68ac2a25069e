import { execFileSync } from 'node:child_process';

/** Runs git in `cwd` and returns its trimmed stdout; throws with git's own error line. */
export function git(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
      .toString()
      .trim();
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    const firstLine = stderr.split('\n')[0] || (error as Error).message;
    throw new Error(`git ${args.join(' ')}: ${firstLine}`);
  }
}

/** Runs git in `cwd` and returns its trimmed stdout, or undefined when git fails. */
export function tryGit(cwd: string, args: readonly string[]): string | undefined {
  try {
    return git(cwd, args);
  } catch {
    return undefined;
  }
}
