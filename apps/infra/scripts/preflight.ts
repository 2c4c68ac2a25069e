import { formatPreflightReport } from '../src/preflight';
import { actionFromArgvOrExit, preflightOrExit } from './preflight-or-exit';

// Usage: bun apps/infra/scripts/preflight.ts <plan|deploy|destroy>
// Exits 1 with a list of what to install or set, before any target pushes or applies.
const action = actionFromArgvOrExit('preflight.ts');
console.log(formatPreflightReport(action, preflightOrExit(action)));
