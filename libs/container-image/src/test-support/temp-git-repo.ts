import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway git repository for tests that depend on commits and uncommitted changes. */
export class TempGitRepo {
  /** Absolute path of the repository's working tree. */
  readonly dir = mkdtempSync(join(tmpdir(), 'container-image-test-'));

  constructor() {
    this.git('init', '--quiet');
  }

  /** Writes `content` to `file` in the working tree, without staging it. */
  write(file: string, content: string): void {
    writeFileSync(join(this.dir, file), content);
  }

  /** Stages everything and commits; returns the full SHA of the new commit. */
  commit(): string {
    this.git('add', '--all');
    this.git('-c', 'user.name=test', '-c', 'user.email=test@example.com', 'commit', '-qm', 'x');
    return this.git('rev-parse', 'HEAD');
  }

  /** Runs git in the repository and returns its trimmed output. */
  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, encoding: 'utf8' }).trim();
  }

  /** Deletes the repository. */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
