import type { DataSource, EntityMetadata } from 'typeorm';
import { encryptedColumnsOf, type EncryptedColumnTransformer } from './encrypted-column';
import { personalInformationKeys, type PersonalInformationKeyRing } from './personal-information-keys';
import { looksSealed, openText, parseEnvelope, sealText } from './sm4-envelope';

/**
 * Brings every encrypted column of a schema under the department's active key, in batches of rows in primary-key
 * order, each batch in one transaction with its progress (`personal_information_job`: table, target key,
 * last id), so a crash loses at most the batch in flight and the next run continues where this one stopped.
 * It serves both the migration of data stored in plain text before encryption (and their blind indexes) and
 * a key rotation (`npm run keys:rotate`). Each row is rewritten only if it still holds what was read
 * (compare-and-set), so it runs safely beside the service and beside another pass.
 */
export const JOB_TABLE = 'personal_information_job';

export interface ReencryptionProgress {
  table: string;
  rowsRead: number;
  rowsRewritten: number;
  finished: boolean;
}

export interface ReencryptionOptions {
  batchSize?: number;
  /** Told after each batch. */
  onProgress?: (progress: ReencryptionProgress) => void;
  /** Stops after the batch in flight (the next run resumes). */
  signal?: AbortSignal;
  ring?: PersonalInformationKeyRing;
}

interface JobRow {
  last_id: number | string;
  rows_rewritten: number | string;
  finished_at: Date | string | null;
}

interface TablePlan {
  metadata: EntityMetadata;
  primary: string;
  columns: Array<{ databaseName: string; transformer: EncryptedColumnTransformer; indexColumn: string | null }>;
}

/** A quoted identifier; backquotes are MySQL's and SQLite accepts them. */
function quoted(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

function tablesOf(dataSource: DataSource, department: string): TablePlan[] {
  return dataSource.entityMetadatas.flatMap((metadata) => {
    const columns = encryptedColumnsOf(metadata).filter(
      (column) => column.transformer.options.department === department,
    );
    if (columns.length === 0) return [];
    if (metadata.primaryColumns.length !== 1) throw new Error(`${metadata.tableName}: one primary column expected`);
    return [
      {
        metadata,
        primary: metadata.primaryColumns[0].databaseName,
        columns: columns.map(({ databaseName, transformer }) => {
          const index = transformer.options.blindIndex;
          return {
            databaseName,
            transformer,
            indexColumn: index ? (metadata.findColumnWithPropertyName(index)?.databaseName ?? null) : null,
          };
        }),
      },
    ];
  });
}

async function jobOf(dataSource: DataSource, table: string, keyId: string): Promise<JobRow | undefined> {
  return dataSource
    .createQueryBuilder()
    .select(['j.last_id AS last_id', 'j.rows_rewritten AS rows_rewritten', 'j.finished_at AS finished_at'])
    .from(JOB_TABLE, 'j')
    .where('j.table_name = :table AND j.target_key_id = :keyId', { table, keyId })
    .getRawOne<JobRow>();
}

/** The value a column should hold under `target`, and its index; null where the row needs nothing. */
function rewrite(
  stored: string,
  column: TablePlan['columns'][number],
  ring: PersonalInformationKeyRing,
  targetKeyId: string,
  table: string,
  id: unknown,
): { value: string; plaintext: string } | null {
  let plaintext = stored;
  // Free text without personal information stays plain.
  if (!looksSealed(stored) && !column.transformer.needsSealing(stored)) return null;
  if (looksSealed(stored)) {
    const envelope = parseEnvelope(stored);
    if (envelope.keyId === targetKeyId) return null;
    const key = ring.keyById(envelope.keyId);
    if (!key)
      throw new Error(`${table} record ${String(id)}, ${column.databaseName}: key ${envelope.keyId} is not held`);
    plaintext = openText(key, envelope, column.transformer.options.column);
  }
  return { value: sealText(ring.keyById(targetKeyId)!, plaintext, column.transformer.options.column), plaintext };
}

interface RowRewrite {
  id: unknown;
  row: Record<string, unknown>;
  changes: Record<string, string>;
}

interface Statement {
  sql: string;
  parameters: unknown[];
}

// Compare-and-set: a row the service changed since it was read is left as the service wrote it.
function rowUpdate(plan: TablePlan, { id, row, changes }: RowRewrite): Statement {
  const columns = Object.keys(changes);
  const unchanged = plan.columns.map((column) =>
    typeof row[column.databaseName] === 'string'
      ? `${quoted(column.databaseName)} = ?`
      : `${quoted(column.databaseName)} IS NULL`,
  );
  return {
    sql: `UPDATE ${quoted(plan.metadata.tableName)} SET ${columns.map((name) => `${quoted(name)} = ?`).join(', ')} WHERE ${[`${quoted(plan.primary)} = ?`, ...unchanged].join(' AND ')}`,
    parameters: [
      ...columns.map((name) => changes[name]),
      id,
      ...plan.columns.map((column) => row[column.databaseName]).filter((value) => typeof value === 'string'),
    ],
  };
}

/** The same compare-and-set for a batch of rows, joined to a derived table of (id, old and new values). */
function batchUpdate(plan: TablePlan, rewrites: RowRewrite[]): Statement {
  const targets = plan.columns.flatMap((column) => [
    column.databaseName,
    ...(column.indexColumn ? [column.indexColumn] : []),
  ]);
  const compared = plan.columns.map((column) => column.databaseName);
  const names = ['id', ...targets.map((_, index) => `n${index}`), ...compared.map((_, index) => `o${index}`)];
  const parameters: unknown[] = [];
  const selects = rewrites.map(({ id, row, changes }, position) => {
    parameters.push(
      id,
      ...targets.map((name) => changes[name] ?? row[name] ?? null),
      ...compared.map((name) => row[name] ?? null),
    );
    return `SELECT ${names.map((name) => (position === 0 ? `? AS ${name}` : '?')).join(', ')}`;
  });
  const table = quoted(plan.metadata.tableName);
  return {
    sql:
      `UPDATE ${table} AS t JOIN (${selects.join(' UNION ALL ')}) AS u ON t.${quoted(plan.primary)} = u.id` +
      compared.map((name, index) => ` AND t.${quoted(name)} <=> u.o${index}`).join('') +
      ` SET ${targets.map((name, index) => `t.${quoted(name)} = u.n${index}`).join(', ')}`,
    parameters,
  };
}

/** Runs the pass over every table of `department` with encrypted columns; returns each table's progress. */
export async function reencryptPersonalInformation(
  dataSource: DataSource,
  department: string,
  options: ReencryptionOptions = {},
): Promise<ReencryptionProgress[]> {
  const ring = options.ring ?? personalInformationKeys;
  const batchSize = options.batchSize ?? 500;
  const target = ring.activeKey(department);
  const results: ReencryptionProgress[] = [];
  for (const plan of tablesOf(dataSource, department)) {
    const table = plan.metadata.tableName;
    const job = await jobOf(dataSource, table, target.id);
    const progress: ReencryptionProgress = {
      table,
      rowsRead: 0,
      rowsRewritten: job ? Number(job.rows_rewritten) : 0,
      finished: Boolean(job?.finished_at),
    };
    let lastId = job ? Number(job.last_id) : 0;
    if (!job)
      await dataSource
        .createQueryBuilder()
        .insert()
        .into(JOB_TABLE)
        .values({ table_name: table, target_key_id: target.id, last_id: 0, rows_rewritten: 0, started_at: new Date() })
        .orIgnore()
        .execute();
    while (!progress.finished && !options.signal?.aborted) {
      const selected = [
        plan.primary,
        ...plan.columns.flatMap((column) => [column.databaseName, column.indexColumn ?? []].flat()),
      ];
      // Plain SQL on the table: the entity's transformer must not decrypt (or re-encrypt) on the way.
      const rows = await dataSource.query<Array<Record<string, unknown>>>(
        `SELECT ${selected.map(quoted).join(', ')} FROM ${quoted(table)} WHERE ${quoted(plan.primary)} > ? ORDER BY ${quoted(plan.primary)} LIMIT ${Number(batchSize)}`,
        [lastId],
      );
      const rewrites: RowRewrite[] = [];
      for (const row of rows) {
        const id = row[plan.primary];
        const changes: Record<string, string> = {};
        for (const column of plan.columns) {
          const stored = row[column.databaseName];
          if (typeof stored !== 'string') continue;
          const rewritten = rewrite(stored, column, ring, target.id, table, id);
          const plaintext =
            rewritten?.plaintext ??
            (looksSealed(stored) ? openText(target, parseEnvelope(stored), column.transformer.options.column) : stored);
          if (rewritten) changes[column.databaseName] = rewritten.value;
          if (column.indexColumn) {
            const index = column.transformer.indexOf(plaintext);
            if (row[column.indexColumn] !== index) changes[column.indexColumn] = index;
          }
        }
        if (Object.keys(changes).length > 0) rewrites.push({ id, row, changes });
      }
      await dataSource.transaction(async (manager) => {
        const runner = manager.queryRunner!;
        const mysql = dataSource.options.type === 'mysql';
        // MySQL: the whole batch in one statement (a round trip per row is most of the time otherwise).
        const statements =
          mysql && rewrites.length > 1 ? [batchUpdate(plan, rewrites)] : rewrites.map((one) => rowUpdate(plan, one));
        for (const statement of statements)
          progress.rowsRewritten += (await runner.query(statement.sql, statement.parameters, true)).affected ?? 0;
        if (rows.length > 0) lastId = Number(rows[rows.length - 1][plan.primary]);
        progress.rowsRead += rows.length;
        progress.finished = rows.length < batchSize;
        await manager
          .createQueryBuilder()
          .update(JOB_TABLE)
          .set({
            last_id: lastId,
            rows_rewritten: progress.rowsRewritten,
            ...(progress.finished ? { finished_at: new Date() } : {}),
          })
          .where('table_name = :table AND target_key_id = :keyId', { table, keyId: target.id })
          .execute();
      });
      options.onProgress?.({ ...progress });
    }
    results.push(progress);
  }
  return results;
}

/** How many stored values of the department are not under `keyId` (old keys, or plain text not yet migrated). */
export async function valuesNotUnder(dataSource: DataSource, department: string, keyId: string): Promise<number> {
  let count = 0;
  for (const plan of tablesOf(dataSource, department)) {
    for (const column of plan.columns) {
      const row = await dataSource
        .createQueryBuilder()
        .select('COUNT(*)', 'count')
        .from(plan.metadata.tableName, 't')
        .where(`t.${column.databaseName} IS NOT NULL`)
        .andWhere(`t.${column.databaseName} NOT LIKE :prefix`, { prefix: `sm4e1:${keyId}:%` })
        // Free text without personal information is plain by design; plain text that holds some is the
        // background pass's to encrypt.
        .andWhere(column.transformer.options.onlyIfPersonal ? `t.${column.databaseName} LIKE 'sm4e1:%'` : '1 = 1')
        .getRawOne<{ count: number | string }>();
      count += Number(row?.count ?? 0);
    }
  }
  return count;
}
