import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';
export { freePort } from '../../platform/http/free-port';
import type { HarnessState, ServiceName, ServiceProcess } from './harness-state';

export const PROJECT_ROOT = join(__dirname, '..', '..', '..');

/** Starts one service as its own node process, its output appended to its log file. */
export function spawnService(service: Omit<ServiceProcess, 'pid'>, environment: Record<string, string>): number {
  const log = openSync(service.logFile, 'a');
  const child = spawn(process.execPath, [join(PROJECT_ROOT, service.script)], {
    cwd: PROJECT_ROOT,
    env: environment,
    stdio: ['ignore', log, log],
    detached: false,
  });
  child.unref();
  if (!child.pid) throw new Error(`could not start ${service.script}`);
  return child.pid;
}

export async function waitFor(url: string, accept: (status: number) => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (accept(response.status)) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last})`);
}

export function healthUrl(state: HarnessState, name: ServiceName): string {
  const { port } = state.services[name];
  return name === 'idp'
    ? `http://localhost:${port}/realms/transport/.well-known/openid-configuration`
    : `http://127.0.0.1:${port}/health`;
}

export function stopProcess(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const deadline = Date.now() + 10_000;
    const check = () => {
      try {
        process.kill(pid, 0);
      } catch {
        resolve();
        return;
      }
      if (Date.now() > deadline) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
        resolve();
        return;
      }
      setTimeout(check, 100);
    };
    check();
  });
}
