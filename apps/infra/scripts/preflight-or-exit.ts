import { existsSync } from 'node:fs';
import {
  formatPreflightReport,
  runPreflight,
  type InfraAction,
  type PreflightResult,
} from '../src/preflight';

/** The actions the infra scripts take, in the order their usage line lists them. */
const ACTIONS: readonly InfraAction[] = ['plan', 'deploy', 'destroy'];

/** Reads the action from the script's first argument, or exits 2 with the usage line. */
export function actionFromArgvOrExit(script: string): InfraAction {
  const action = process.argv[2] as InfraAction;

  if (!ACTIONS.includes(action)) {
    console.error(`Usage: ${script} <${ACTIONS.join('|')}>, got "${process.argv[2] ?? ''}".`);
    process.exit(2);
  }
  return action;
}

/**
 * Checks this machine for what `action` needs (Terraform or OpenTofu, credentials, settings);
 * on any problem prints the list of what to install or set and exits 1.
 */
export function preflightOrExit(action: InfraAction): PreflightResult {
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
  return result;
}
