import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { MasterKeyProvider } from './master-key';
import { SymmetricKey } from './sm4-envelope';

/**
 * The departments' keys for personal information, as this process holds them.
 *
 * Each department's schema has a table `personal_information_key`: its data keys (SM4 + HMAC-SM3, the newest
 * not retired is the active one, older ones stay for reading until no row uses them) and its blind-index key
 * (HMAC-SM3), each wrapped by the master key. A process that opens the schema unwraps them into this ring;
 * the column transformer (encrypted-column.ts) finds a key by the id stored beside each value, and encrypts
 * with the department's active key. The ring is process-wide because TypeORM's transformers see only values;
 * a process that opens a second schema of one department (the tests do) stores its keys there too, so every
 * value it writes can be read back from that schema alone.
 */
export const KEY_TABLE = 'personal_information_key';

export type KeyPurpose = 'data' | 'index';

interface KeyRow {
  id: string;
  purpose: KeyPurpose;
  wrapped_key: string | null;
  master_key_id: string;
  generation: number | string;
  retired_at: Date | string | null;
}

interface DepartmentKeys {
  active: SymmetricKey;
  activeGeneration: number;
  indexKeyId: string;
  indexKey: Buffer;
}

export class KeysNotLoaded extends Error {}

function newKeyId(department: string, purpose: KeyPurpose): string {
  return `${department}-${purpose === 'data' ? 'd' : 'i'}${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex')}`;
}

export class PersonalInformationKeyRing {
  private readonly keys = new Map<string, SymmetricKey>();
  private readonly departments = new Map<string, DepartmentKeys>();

  /** The key a stored value names, if this process holds it. */
  keyById(id: string): SymmetricKey | undefined {
    return this.keys.get(id);
  }

  /** The key new values of `department` are encrypted with. */
  activeKey(department: string): SymmetricKey {
    return this.keysOf(department).active;
  }

  indexKey(department: string): Buffer {
    return this.keysOf(department).indexKey;
  }

  hasDepartment(department: string): boolean {
    return this.departments.has(department);
  }

  private keysOf(department: string): DepartmentKeys {
    const keys = this.departments.get(department);
    if (!keys)
      throw new KeysNotLoaded(
        `个人信息密钥未加载。The personal-information keys of ${department} are not loaded: open its database first`,
      );
    return keys;
  }

  /**
   * Loads the department's keys from its schema, creating the first data key and the index key when the
   * schema has none, and makes sure the schema holds the keys this process writes with. Idempotent; run
   * again (refresh) it adopts a newer data key made by `npm run keys:rotate`.
   */
  async load(dataSource: DataSource, department: string, master: MasterKeyProvider): Promise<void> {
    let rows = await readKeyRows(dataSource);
    const held = this.departments.get(department);
    const newKeys: NewKey[] = [];
    if (!rows.some((row) => row.purpose === 'index')) {
      newKeys.push({
        id: held?.indexKeyId ?? newKeyId(department, 'index'),
        purpose: 'index',
        secret: held?.indexKey ?? SymmetricKey.generateSecret(),
        generation: 0,
      });
    }
    const generations = rows.filter((row) => row.purpose === 'data').map((row) => Number(row.generation));
    if (held && !rows.some((row) => row.id === held.active.id)) {
      // This process writes with a key the schema lacks (a second schema of the department): store it there.
      newKeys.push({
        id: held.active.id,
        purpose: 'data',
        secret: held.active.secret,
        generation: Math.max(held.activeGeneration, ...generations, 0) + 1,
      });
    } else if (!rows.some((row) => row.purpose === 'data' && row.retired_at === null)) {
      newKeys.push({
        id: newKeyId(department, 'data'),
        purpose: 'data',
        secret: SymmetricKey.generateSecret(),
        generation: Math.max(...generations, 0) + 1,
      });
    }
    for (const key of newKeys) await insertKey(dataSource, master, department, key);
    if (newKeys.length > 0) rows = await readKeyRows(dataSource);
    let index: { id: string; secret: Buffer } | undefined;
    let newest: { key: SymmetricKey; generation: number } | undefined;
    for (const row of rows) {
      if (row.wrapped_key === null) continue;
      if (row.master_key_id !== master.id)
        throw new Error(
          `${department} 的密钥 ${row.id} 由另一主密钥包装。Key ${row.id} of ${department} is wrapped by master key ${row.master_key_id}, not ${master.id}`,
        );
      if (row.purpose === 'index') {
        if (!index || row.id === held?.indexKeyId)
          index = { id: row.id, secret: await master.unwrap(row.wrapped_key, wrapLabel(department, row.id)) };
        continue;
      }
      let key = this.keys.get(row.id);
      if (!key) {
        key = new SymmetricKey(row.id, await master.unwrap(row.wrapped_key, wrapLabel(department, row.id)));
        this.keys.set(row.id, key);
      }
      const generation = Number(row.generation);
      if (row.retired_at === null && (!newest || generation > newest.generation)) newest = { key, generation };
    }
    if (!index || !newest) throw new Error(`${department}: its key table holds no usable keys`);
    if (held && held.indexKeyId !== index.id)
      throw new Error(
        `${department}: this process already searches with blind-index key ${held.indexKeyId}; the schema holds ${index.id}`,
      );
    const keepHeld = held && held.active.id !== newest.key.id && held.activeGeneration >= newest.generation;
    this.departments.set(department, {
      active: keepHeld ? held.active : newest.key,
      activeGeneration: keepHeld ? held.activeGeneration : newest.generation,
      indexKeyId: index.id,
      indexKey: index.secret,
    });
  }
}

interface NewKey {
  id: string;
  purpose: KeyPurpose;
  secret: Buffer;
  generation: number;
}

function wrapLabel(department: string, id: string): string {
  return `${department}\0${id}`;
}

async function readKeyRows(dataSource: DataSource): Promise<KeyRow[]> {
  return dataSource
    .createQueryBuilder()
    .select(['k.id AS id', 'k.purpose AS purpose', 'k.wrapped_key AS wrapped_key'])
    .addSelect(['k.master_key_id AS master_key_id', 'k.generation AS generation', 'k.retired_at AS retired_at'])
    .from(KEY_TABLE, 'k')
    .getRawMany<KeyRow>();
}

/** Stores a key, wrapped by the master key and bound to its department and id. */
async function insertKey(dataSource: DataSource, master: MasterKeyProvider, department: string, key: NewKey) {
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(KEY_TABLE)
    .values({
      id: key.id,
      purpose: key.purpose,
      wrapped_key: await master.wrap(key.secret, wrapLabel(department, key.id)),
      master_key_id: master.id,
      generation: key.generation,
      created_at: new Date(),
      retired_at: null,
    })
    .orIgnore()
    .execute();
}

/** Makes a new data key for the department, newer than any; it encrypts once processes have refreshed. */
export async function createDataKey(
  dataSource: DataSource,
  department: string,
  master: MasterKeyProvider,
): Promise<string> {
  const rows = await readKeyRows(dataSource);
  const generation =
    Math.max(0, ...rows.filter((row) => row.purpose === 'data').map((row) => Number(row.generation))) + 1;
  const id = newKeyId(department, 'data');
  await insertKey(dataSource, master, department, {
    id,
    purpose: 'data',
    secret: SymmetricKey.generateSecret(),
    generation,
  });
  return id;
}

/** The data keys of the schema: id, generation, whether retired and whether its secret is still kept. */
export async function dataKeysOf(
  dataSource: DataSource,
): Promise<Array<{ id: string; generation: number; retired: boolean; destroyed: boolean }>> {
  return (await readKeyRows(dataSource))
    .filter((row) => row.purpose === 'data')
    .map((row) => ({
      id: row.id,
      generation: Number(row.generation),
      retired: row.retired_at !== null,
      destroyed: row.wrapped_key === null,
    }))
    .sort((left, right) => left.generation - right.generation);
}

/** Retires keys no row uses any more: the secret is erased, the row kept as the key's history. */
export async function retireDataKeys(dataSource: DataSource, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await dataSource
    .createQueryBuilder()
    .update(KEY_TABLE)
    .set({ retired_at: new Date(), wrapped_key: null })
    .where('id IN (:...ids)', { ids })
    .andWhere("purpose = 'data'")
    .execute();
}

/** The process's ring: TypeORM transformers see only values, so they find keys here. */
export const personalInformationKeys = new PersonalInformationKeyRing();
