import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import initSqlJs from 'sql.js';
import type { SubgraphName } from '../../platform/config/config';
import { readState } from './harness-state';
import { restartService, stopService } from './single-window.client';

/**
 * Runs SQL on a service's own schema (a subgraph's, or the gateway's audit trail) behind its back, as an
 * intruder with database access would. On the embedded database, write only while the service is
 * stopped (`whileStopped`): it holds the file in memory and saves over it.
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
  const file = join(state.dataDirectory, `${schema}.sqlite`);
  const SQL = await initSqlJs();
  const database = new SQL.Database(readFileSync(file));
  try {
    const statement = database.prepare(sql);
    statement.bind(parameters as never[]);
    const rows: TRow[] = [];
    while (statement.step()) rows.push(statement.getAsObject() as TRow);
    statement.free();
    if (!/^\s*select/i.test(sql)) writeFileSync(file, Buffer.from(database.export()));
    return rows;
  } finally {
    database.close();
  }
}

/** Runs `work` with the subgraph stopped when it uses the embedded database (MySQL needs no stop). */
export async function whileStopped<T>(subgraph: SubgraphName, work: () => Promise<T>): Promise<T> {
  if (readState().database === 'mysql') return work();
  await stopService(subgraph);
  try {
    return await work();
  } finally {
    await restartService(subgraph);
  }
}
