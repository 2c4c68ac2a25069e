import { afterAll, describe, expect, it } from 'bun:test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSynthesizedImage } from '../src/synthesized-image';

const APP_DIR = join(import.meta.dir, '..');
const WORK_DIR = mkdtempSync(join(tmpdir(), 'infra-synth-'));
const IMAGE_ENV = { IMAGE_REPOSITORY: 'registry.example.com/time', IMAGE_TAG: 'synth-test' };

/** Runs the real `cdktf synth` as `infra:synth` does, into a folder of its own. */
async function cdktfSynth(...flags: string[]): Promise<{ code: number; output: string }> {
  const child = Bun.spawn(['npx', 'cdktf', 'synth', ...flags], {
    cwd: APP_DIR,
    env: { ...process.env, ...IMAGE_ENV, CHECKPOINT_DISABLE: '1', CI: '1' },
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const [code, stdout, stderr] = await Promise.all([
    child.exited,
    new Response(child.stdout).text(),
    new Response(child.stderr).text(),
  ]);
  return { code, output: stdout + stderr };
}

// Both synths run at once: each spends most of its time starting cdktf and Bun.
const jsonSynth = cdktfSynth('--output', join(WORK_DIR, 'json'));
const hclSynth = cdktfSynth('--hcl', '--output', join(WORK_DIR, 'hcl'));

afterAll(() => rmSync(WORK_DIR, { recursive: true, force: true }));

describe('cdktf synth', () => {
  it('writes the dev and prod stacks as Terraform JSON with the configured image', async () => {
    const { code, output } = await jsonSynth;

    expect(code).toBe(0);
    expect(output).toContain('Generated Terraform code for the stacks: time-service-dev');
    expect(readSynthesizedImage(join(WORK_DIR, 'json'), 'time-service-dev')).toBe(
      'registry.example.com/time:synth-test',
    );
    expect(existsSync(join(WORK_DIR, 'json', 'stacks', 'time-service-prod', 'cdk.tf.json'))).toBe(
      true,
    );
  }, 60_000);

  it('exports each stack as plain HCL that Terraform can read without cdktf', async () => {
    const { code } = await hclSynth;
    const file = join(WORK_DIR, 'hcl', 'stacks', 'time-service-dev', 'cdk.tf');
    const hcl = readFileSync(file, 'utf8');

    expect(code).toBe(0);
    expect(hcl).toContain('resource "aws_ecs_service"');
    expect(hcl).toContain('output "service_url"');
    // cdktf's HCL writer mangles JSON strings that hold references (it splits them at every
    // quote); the stack avoids them, and this keeps it that way.
    expect(hcl).not.toMatch(/= "\{" \w/);
  }, 60_000);

  it.skipIf(!Bun.which('terraform') && !Bun.which('tofu'))(
    'exports HCL that terraform fmt parses, where a Terraform binary exists',
    async () => {
      await hclSynth;
      const binary = Bun.which('terraform') ?? Bun.which('tofu')!;
      const file = join(WORK_DIR, 'hcl', 'stacks', 'time-service-dev', 'cdk.tf');
      const fmt = Bun.spawn([binary, 'fmt', '-'], {
        stdin: Bun.file(file),
        stdout: 'ignore',
        stderr: 'pipe',
      });

      const [code, stderr] = await Promise.all([fmt.exited, new Response(fmt.stderr).text()]);

      expect(stderr).not.toContain('Error');
      expect(code).toBe(0);
    },
    60_000,
  );
});
