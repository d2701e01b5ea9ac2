import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import initSqlJs from 'sql.js';
import { readState } from './harness-state';

/**
 * Runs SQL on the gateway's own schema (the audit trail) behind the gateway's back, as an intruder
 * with database access would. On the embedded database, write only while the gateway is stopped: it
 * holds the file in memory and saves over it.
 */
export async function gatewaySql<TRow = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<TRow[]> {
  const state = readState();
  const schema = `${state.environment.DB_SCHEMA_PREFIX}gateway`;
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
