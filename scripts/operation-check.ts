import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { buildSchema, validate, type GraphQLSchema } from 'graphql';
import { createConnection } from 'mysql2/promise';
import { parseOperationDocument } from '../gateway/exchange/operations/operation-document';
import { SEED_REGISTRANT } from '../gateway/exchange/operations/operation-registry';
import { PersistedOperations } from '../gateway/protection/persisted-operations';
import type { PlatformConfig } from '../platform/config/config';

/** An operation some client may run, as the operation check names it. */
export interface OperationToCheck {
  clientId: string;
  name: string;
  /** Its version in the registry; null for a seed file not read from a database. */
  version: number | null;
  registeredBy: string;
  document: string;
}

/** Where the operations checked came from, and why the database's were not read when they were not. */
export interface OperationsToCheck {
  operations: OperationToCheck[];
  source: string;
}

const COLUMNS = 'client_id AS clientId, name, version, registered_by AS registeredBy, document';

/** The seed files (gateway/persisted-operations by default), each as registered by `seed`. */
export function seedOperations(directory = 'gateway/persisted-operations'): OperationToCheck[] {
  return PersistedOperations.load(directory)
    .all()
    .map((seed) => ({ ...seed, version: null, registeredBy: SEED_REGISTRANT }));
}

async function databaseOperations(config: PlatformConfig): Promise<OperationToCheck[] | string> {
  const settings = config.gateway.database;
  const query = `SELECT ${COLUMNS} FROM registered_operation WHERE retired_at IS NULL ORDER BY client_id, name, version`;
  try {
    if (settings.kind === 'mysql') {
      const connection = await createConnection({
        uri: settings.serverUrl,
        database: settings.schema,
        connectTimeout: 5_000,
      });
      try {
        const [rows] = await connection.query(query);
        return rows as OperationToCheck[];
      } finally {
        await connection.end();
      }
    }
    const file = join(resolve(config.dataDir), `${settings.schema}.sqlite`);
    if (!existsSync(file)) return `no embedded gateway database at ${file}`;
    const database = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return database.prepare(query).all() as OperationToCheck[];
    } finally {
      database.close();
    }
  } catch (error) {
    return `the gateway's database could not be read (${error instanceof Error ? error.message : String(error)})`;
  }
}

/**
 * The operations clients may run: every version in force in the gateway's database (seeds included,
 * with their versions) plus any seed file not in it yet; only the seed files, with a note saying why,
 * when the database is not configured or cannot be read.
 */
export async function operationsToCheck(config: PlatformConfig, seedDirectory?: string): Promise<OperationsToCheck> {
  const seeds = seedOperations(seedDirectory);
  const stored = await databaseOperations(config);
  if (typeof stored === 'string') return { operations: seeds, source: `the seed files only: ${stored}` };
  const known = new Set(stored.map((operation) => `${operation.clientId}\n${operation.document}`));
  const unseeded = seeds.filter((seed) => !known.has(`${seed.clientId}\n${seed.document}`));
  return {
    operations: [...stored, ...unseeded],
    source: `the gateway's database (${stored.length} in force) and ${unseeded.length} seed file(s) not in it`,
  };
}

/** How the check names an operation: client, name, version and who registered it. */
export function describeOperation(operation: OperationToCheck): string {
  const version = operation.version === null ? 'seed file' : `version ${operation.version}`;
  return `${operation.clientId}/${operation.name} (${version}, registered by ${operation.registeredBy})`;
}

/** What a schema breaks: one line per operation no longer valid against it, with the first fault. */
export function brokenOperations(apiSchema: GraphQLSchema | string, operations: readonly OperationToCheck[]): string[] {
  const schema = typeof apiSchema === 'string' ? buildSchema(apiSchema) : apiSchema;
  return operations.flatMap((operation) => {
    let errors: readonly { message: string }[];
    try {
      errors = validate(schema, parseOperationDocument(operation.document));
    } catch (error) {
      errors = [{ message: (error as Error).message }];
    }
    return errors.length === 0 ? [] : [`${describeOperation(operation)}: ${errors[0].message}`];
  });
}
