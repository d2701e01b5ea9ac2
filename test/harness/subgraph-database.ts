import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { createConnection } from 'mysql2/promise';
import type { SubgraphName } from '../../platform/config/config';
import { EMBEDDED_BUSY_TIMEOUT_MS } from '../../platform/database/embedded-sqlite.driver';
import { readState } from './harness-state';

/**
 * Runs SQL on a service's own schema (a subgraph's, or the gateway's audit trail) behind its back, as an
 * intruder with database access would, while the service keeps running: on MySQL over a connection of
 * its own, on the embedded database over a second connection to its file (WAL lets it write beside the
 * service; each statement waits for the service's writer, as the service waits for it).
 */
export async function subgraphSql<TRow = Record<string, unknown>>(
  subgraph: SubgraphName | 'gateway',
  sql: string,
  parameters: unknown[] = [],
): Promise<TRow[]> {
  const state = readState();
  const schema = `${state.environment.DB_SCHEMA_PREFIX}${subgraph}`;
  if (state.database === 'mysql') {
    const connection = await createConnection({ uri: state.environment.MYSQL_URL, database: schema });
    try {
      const [rows] = await connection.query(sql, parameters);
      return Array.isArray(rows) ? (rows as TRow[]) : [];
    } finally {
      await connection.end();
    }
  }
  const database = new Sqlite(join(state.dataDirectory, `${schema}.sqlite`), {
    fileMustExist: true,
    timeout: EMBEDDED_BUSY_TIMEOUT_MS,
  });
  try {
    const statement = database.prepare(sql);
    if (statement.reader) return statement.all(...parameters) as TRow[];
    statement.run(...parameters);
    return [];
  } finally {
    database.close();
  }
}
