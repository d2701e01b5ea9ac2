import { GATEWAY_CONFIG } from '../gateway/gateway.config';
import { loadProcessConfig, type SubgraphName } from '../platform/config/config';
import type { ConfigSection } from '../platform/config/config-section';
import { CREDIT_CONFIG } from '../subgraphs/credit/credit.config';
import { ENFORCEMENT_CONFIG } from '../subgraphs/enforcement/enforcement.config';
import { LICENSING_CONFIG } from '../subgraphs/licensing/licensing.config';
import { SAFETY_CONFIG } from '../subgraphs/safety/safety.config';
import { STATISTICS_CONFIG } from '../subgraphs/statistics/statistics.config';

/**
 * Every process's sections, for what runs the whole single window in one process (`npm start`) and
 * for tests that want a complete configuration: the gateway's and each department's (checked against
 * the subgraph registry by single-window.config.spec.ts).
 */
export const SINGLE_WINDOW_CONFIG = {
  gateway: GATEWAY_CONFIG,
  licensing: LICENSING_CONFIG,
  enforcement: ENFORCEMENT_CONFIG,
  credit: CREDIT_CONFIG,
  safety: SAFETY_CONFIG,
  statistics: STATISTICS_CONFIG,
} as const satisfies Record<'gateway' | SubgraphName, ConfigSection<unknown>>;

/**
 * The platform's settings and every section's, validated together (every problem listed). With no
 * source given it reads the environment; tests pass `{ DATA_DIR: dir, ... }` for a full config on the defaults.
 */
export function loadSingleWindowConfig(source: Readonly<Record<string, unknown>> = process.env) {
  return loadProcessConfig(SINGLE_WINDOW_CONFIG, source);
}
