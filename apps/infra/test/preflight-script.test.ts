import { describe, expect, it } from 'bun:test';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(import.meta.dir, '..', 'scripts', 'preflight.ts');

describe('scripts/preflight.ts', () => {
  it('exits 1 and says what to install when no Terraform is on PATH', async () => {
    // A PATH that holds git and nothing else: no terraform or tofu, whatever this machine has.
    const binDir = mkdtempSync(join(tmpdir(), 'preflight-path-'));
    symlinkSync(Bun.which('git') ?? '/usr/bin/git', join(binDir, 'git'));
    const child = Bun.spawn([process.execPath, SCRIPT, 'deploy'], {
      env: { PATH: binDir, HOME: '/nonexistent' },
      stdout: 'pipe',
      stderr: 'pipe',
    });

    const [exitCode, stderr] = await Promise.all([child.exited, new Response(child.stderr).text()]);
    rmSync(binDir, { recursive: true, force: true });

    expect(exitCode).toBe(1);
    expect(stderr).toContain('infra:deploy stopped before changing anything');
    expect(stderr).toContain('Terraform or OpenTofu (1.10 or later) is not on PATH: install');
    expect(stderr).toContain('No AWS credentials found');
    expect(stderr).toContain('IMAGE_REPOSITORY is not set');
  });
});
