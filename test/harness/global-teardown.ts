import { readState } from './harness-state';
import { stopProcess } from './service-processes';

export default async function globalTeardown(): Promise<void> {
  const state = readState();
  await Promise.all(Object.values(state.services).map((service) => stopProcess(service.pid)));
}
