import { existsSync } from 'node:fs';
import { formatPreflightReport, runPreflight, type InfraAction } from '../src/preflight';

// Usage: bun apps/infra/scripts/preflight.ts <plan|deploy|destroy>
// Exits 1 with a list of what to install or set, before any target pushes or applies.
const ACTIONS: readonly InfraAction[] = ['plan', 'deploy', 'destroy'];
const action = process.argv[2] as InfraAction;
if (!ACTIONS.includes(action)) {
  console.error(`Usage: preflight.ts <${ACTIONS.join('|')}>, got "${process.argv[2] ?? ''}".`);
  process.exit(2);
}

const result = runPreflight({
  action,
  env: process.env,
  which: (name) => Bun.which(name) ?? undefined,
  fileExists: existsSync,
});

if (result.problems.length > 0) {
  console.error(formatPreflightReport(action, result));
  process.exit(1);
}
console.log(formatPreflightReport(action, result));
