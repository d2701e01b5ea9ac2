import { subgraphSql } from './subgraph-database';

/** SQL on the gateway's own schema (the audit trail); see subgraphSql for the rules on writing. */
export function gatewaySql<TRow = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<TRow[]> {
  return subgraphSql<TRow>('gateway', sql, parameters);
}
