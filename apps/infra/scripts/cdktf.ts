import { resolveImageReference } from '@simple-time-service/container-image';
import { join } from 'node:path';
import type { InfraAction } from '../src/preflight';
import { readSynthesizedImage } from '../src/synthesized-image';
import { actionFromArgvOrExit, preflightOrExit } from './preflight-or-exit';

// Usage: bun apps/infra/scripts/cdktf.ts <plan|deploy|destroy>
// Runs the preflight again (plan and destroy have no separate preflight target), then the
// cdktf command on the stack of INFRA_ENVIRONMENT, on the synth that the target depends on.
const APP_DIR = join(import.meta.dir, '..');
const OUTPUT_DIR = join(APP_DIR, 'cdktf.out');
const COMMANDS: Record<InfraAction, string[]> = {
  plan: ['diff'],
  deploy: ['deploy', '--auto-approve', '--outputs-file', 'cdktf.outputs.json'],
  destroy: ['destroy', '--auto-approve'],
};

const action = actionFromArgvOrExit('cdktf.ts');
const preflight = preflightOrExit(action);

const stackName = preflight.stackName!;
if (action === 'deploy') {
  const expected = resolveImageReference({ requireRepository: true }).reference;
  const synthesized = readSynthesizedImage(OUTPUT_DIR, stackName);
  if (synthesized !== expected) {
    console.error(
      `infra:deploy stopped: the synthesized stack runs ${synthesized}, but the pushed image ` +
        `is ${expected}. Run \`npx nx run infra:synth --skip-nx-cache\` with the same ` +
        `IMAGE_REPOSITORY and IMAGE_TAG, then deploy again.`,
    );
    process.exit(1);
  }
}

const [command, ...flags] = COMMANDS[action];
const child = Bun.spawn(['npx', 'cdktf', command!, stackName, '--skip-synth', ...flags], {
  cwd: APP_DIR,
  stdio: ['inherit', 'inherit', 'inherit'],
  env: {
    ...process.env,
    TERRAFORM_BINARY_NAME: preflight.terraformBinary,
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(await child.exited);
