import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readState } from './harness-state';
import { PROJECT_ROOT } from './service-processes';

const run = promisify(execFile);

/** Runs `npm run audit:verify` against the running single window's trail and journal: its exit code and output. */
export async function verifyAuditTrail(): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, ['dist/scripts/audit-verify.js'], {
      cwd: PROJECT_ROOT,
      env: readState().environment,
    });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: `${failed.stdout}${failed.stderr}` };
  }
}
