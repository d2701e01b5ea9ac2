import {
  EventSubscriber,
  FindOperator,
  type EntityMetadata,
  type EntitySubscriberInterface,
  type InsertEvent,
  type LoadEvent,
  type ObjectLiteral,
  type UpdateEvent,
  type ValueTransformer,
} from 'typeorm';
import { containsPersonalInformation } from '../codes/personal-information-text';
import { DomainError } from '../errors/domain-error';
import { PLATFORM_REASONS } from '../errors/platform.errors';
import { personalInformationKeys, type PersonalInformationKeyRing } from './personal-information-keys';
import { blindIndexOf, EnvelopeError, looksSealed, openText, parseEnvelope, sealText } from './sm4-envelope';

/**
 * A column that holds personal information, encrypted at rest (SM4-CBC + HMAC-SM3, sm4-envelope.ts):
 *
 *   @Column({ name: 'party_id_number', type: 'varchar', length: 256, nullable: true,
 *     transformer: encryptedColumn({ department: 'enforcement', column: 'enforcement_case.party_id_number',
 *       blindIndex: 'partyIdNumberIndex' }) })
 *
 * Entities hold plaintext; the database holds `sm4e1:<key id>:<base64>`, bound to the column's name so a
 * value moved to another column does not open. With `blindIndex`, the named property is kept equal to the
 * value's HMAC-SM3 under the department's index key on every insert and update, for exact lookups.
 * A value that does not open (wrong or unknown key, truncated, altered) is read as UnreadableValue and the
 * load fails naming the table, the record and the column (PersonalInformationUnreadable), never as wrong data.
 */
export interface EncryptedColumnOptions {
  department: string;
  /** `table.column`, bound into every value's MAC. */
  column: string;
  /** The entity property that holds the value's blind index, when the value is looked up. */
  blindIndex?: string;
  /** How to normalise a value before indexing it (the lookup normalises the same way). */
  normalize?: (value: string) => string;
  /**
   * Free text (causes, comments, reasons, names of shippers): encrypted only when it holds personal
   * information (a resident ID, phone, bank card number or e-mail address, as the masking finds them), so text
   * without any stays plain and readable to the database's own tools. See `freeText`.
   */
  onlyIfPersonal?: boolean;
}

/** Stands for a stored value that could not be decrypted; the entity subscriber turns it into an error. */
export class UnreadableValue {
  constructor(
    readonly keyId: string | null,
    readonly problem: string,
  ) {}
}

export class EncryptedColumnTransformer implements ValueTransformer {
  constructor(
    readonly options: EncryptedColumnOptions,
    private readonly ring: PersonalInformationKeyRing = personalInformationKeys,
  ) {}

  to(value: unknown): unknown {
    if (value === null || value === undefined) return value;
    if (value instanceof FindOperator)
      throw new Error(`${this.options.column} is encrypted: look it up by its blind index, not by its value`);
    if (typeof value !== 'string') throw new Error(`${this.options.column} holds text, not ${typeof value}`);
    // Text typed to look like an envelope is sealed too, so reading it back never tries to open it.
    if (!this.needsSealing(value)) return value;
    return sealText(this.ring.activeKey(this.options.department), value, this.options.column);
  }

  from(value: unknown): unknown {
    if (value === null || value === undefined || typeof value !== 'string') return value;
    // Written before encryption was introduced and not yet rewritten by the background pass (reencryption.ts).
    if (!looksSealed(value)) return value;
    let keyId: string | null = null;
    try {
      const envelope = parseEnvelope(value);
      keyId = envelope.keyId;
      const key = this.ring.keyById(envelope.keyId);
      if (!key) return new UnreadableValue(keyId, `key ${envelope.keyId} is not held (retired, or another master key)`);
      return openText(key, envelope, this.options.column);
    } catch (error) {
      if (error instanceof EnvelopeError) return new UnreadableValue(keyId, error.message);
      throw error;
    }
  }

  /** Whether a plain value is stored encrypted: always, or for free text only when it holds personal information. */
  needsSealing(value: string): boolean {
    return !this.options.onlyIfPersonal || looksSealed(value) || containsPersonalInformation(value);
  }

  /** The blind index of a value of this column, as lookups compute it. */
  indexOf(value: string): string {
    const normalized = this.options.normalize ? this.options.normalize(value) : value;
    return blindIndexOf(this.ring.indexKey(this.options.department), this.options.column, normalized);
  }
}

export function encryptedColumn(options: EncryptedColumnOptions): EncryptedColumnTransformer {
  return new EncryptedColumnTransformer(options);
}

/** A free-text column (`table.column`): stored encrypted when a value holds personal information. */
export function freeText(department: string, column: string): EncryptedColumnTransformer {
  return new EncryptedColumnTransformer({ department, column, onlyIfPersonal: true });
}

/** The encrypted columns of an entity: database column name, property name and transformer. */
export function encryptedColumnsOf(
  metadata: EntityMetadata,
): Array<{ databaseName: string; propertyName: string; transformer: EncryptedColumnTransformer }> {
  return metadata.columns.flatMap((column) =>
    column.transformer instanceof EncryptedColumnTransformer
      ? [{ databaseName: column.databaseName, propertyName: column.propertyName, transformer: column.transformer }]
      : [],
  );
}

/**
 * A record whose personal information cannot be decrypted: CONFLICT with reason PERSONAL_INFORMATION_UNREADABLE,
 * naming the table, the record and the column (never a value), like a file that fails its SM3 digest.
 */
export class PersonalInformationUnreadable extends DomainError {
  constructor(
    readonly table: string,
    readonly recordId: unknown,
    readonly column: string,
    readonly keyId: string | null,
    readonly problem: string,
  ) {
    const reason = PLATFORM_REASONS.PERSONAL_INFORMATION_UNREADABLE;
    super(
      reason.code,
      `个人信息无法解密：${table} 记录 ${String(recordId)} 的 ${column}。Personal information of ${table} record ${String(recordId)}, column ${column}, cannot be decrypted${keyId ? ` with key ${keyId}` : ''}: ${problem}`,
      { reason: 'PERSONAL_INFORMATION_UNREADABLE', reasonText: reason.zh },
    );
  }
}

function setIndexes(metadata: EntityMetadata, values: ObjectLiteral | undefined): void {
  if (!values) return;
  for (const { propertyName, transformer } of encryptedColumnsOf(metadata)) {
    const indexProperty = transformer.options.blindIndex;
    if (!indexProperty || !(propertyName in values)) continue;
    const value: unknown = values[propertyName];
    values[indexProperty] = typeof value === 'string' ? transformer.indexOf(value) : null;
  }
}

/** Keeps blind indexes in step with their values and fails loads of values that do not decrypt. */
@EventSubscriber()
export class PersonalInformationSubscriber implements EntitySubscriberInterface {
  beforeInsert(event: InsertEvent<ObjectLiteral>): void {
    setIndexes(event.metadata, event.entity);
  }

  beforeUpdate(event: UpdateEvent<ObjectLiteral>): void {
    setIndexes(event.metadata, event.entity);
  }

  afterLoad(entity: ObjectLiteral, event?: LoadEvent<ObjectLiteral>): void {
    if (!event) return;
    for (const { databaseName, propertyName } of encryptedColumnsOf(event.metadata)) {
      const value: unknown = entity[propertyName];
      if (value instanceof UnreadableValue) {
        const ids = event.metadata.primaryColumns.map((column) => String(column.getEntityValue(entity)));
        throw new PersonalInformationUnreadable(
          event.metadata.tableName,
          ids.join('/'),
          databaseName,
          value.keyId,
          value.problem,
        );
      }
    }
  }
}
