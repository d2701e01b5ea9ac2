import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DeliveryAttempts } from '../../../platform/national-platform/delivery-attempts';
import type { CreditChangeRecordType } from './credit-change';

export enum CreditDeliveryState {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  REFUSED = 'REFUSED',
}

registerEnumType(CreditDeliveryState, {
  name: 'CreditDeliveryState',
  description: 'Where a push to the national credit information sharing platform (全国信用信息共享平台) stands.',
  valuesConfig: {
    PENDING: {
      description:
        'Recorded with the change, not yet acknowledged by the platform: retried with backoff, after the version before it.',
    },
    DELIVERED: {
      description: 'The platform acknowledged it with a receipt (回执), now or as a duplicate of an earlier push.',
    },
    REFUSED: {
      description:
        'The platform refused it for good (a body it will not take): needs a credit officer; later versions of the record wait.',
    },
  },
});

export enum CreditRecordType {
  DISCLOSURE = 'DISCLOSURE',
  LIST_ENTRY = 'LIST_ENTRY',
  REPAIR = 'REPAIR',
}

registerEnumType(CreditRecordType, {
  name: 'CreditRecordType',
  description: 'The kind of credit record pushed to the national credit platform.',
  valuesConfig: {
    DISCLOSURE: { description: 'A public disclosure of a licence or penalty (双公示), and its corrections.' },
    LIST_ENTRY: { description: 'An entry on a credit list (red or black list, 红黑名单), and its changes.' },
    REPAIR: { description: 'A credit repair decision (信用修复).' },
  },
});

/**
 * The push outbox to the national credit platform: one row per version of a record, written in the
 * transaction that made the change (unique on type, id and version, so recording twice adds nothing),
 * delivered at least once by the relay, in version order per record.
 */
@ObjectType('NationalCreditDelivery', {
  description:
    'One version of a credit record pushed to the national credit information sharing platform (全国信用信息共享平台), and how its delivery stands.',
})
@Entity({ name: 'credit_platform_delivery' })
@Index('uq_credit_platform_delivery_version', ['recordType', 'recordId', 'version'], { unique: true })
@Index('ix_credit_platform_delivery_due', ['state', 'nextAttemptAt', 'id'])
@Index('ix_credit_platform_delivery_delivered', ['state', 'deliveredAt'])
export class CreditPlatformDelivery extends DeliveryAttempts {
  @Field(() => ID, { description: 'The delivery’s own number.' })
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => CreditRecordType, { description: 'What kind of record this is a version of.' })
  @Column({ name: 'record_type', type: 'varchar', length: 16 })
  recordType: CreditChangeRecordType;

  @Field({ description: 'The record’s identifier within its type (e.g. the disclosure’s number).' })
  @Column({ name: 'record_id', type: 'varchar', length: 64 })
  recordId: string;

  @Field(() => Int, { description: 'The version pushed: 1 for the record as first made, +1 for every change.' })
  @Column({ type: 'integer' })
  version: number;

  /** The record at this version as JSON: public facts only (CreditChange). */
  @Column({ type: 'text' })
  payload: string;

  @Field(() => CreditDeliveryState, { description: 'Pending, delivered, or refused by the platform.' })
  @Column({ type: 'varchar', length: 16 })
  state: CreditDeliveryState;

  @Field(() => String, {
    nullable: true,
    description: 'The subject’s unified social credit code (统一社会信用代码), as pushed.',
  })
  get creditCode(): string | null {
    return this.payloadText('creditCode');
  }

  @Field(() => String, {
    nullable: true,
    description: 'The decision document number (决定文书号) of the record, as pushed, where it has one.',
  })
  get documentNumber(): string | null {
    return this.payloadText('documentNumber');
  }

  private payloadText(key: string): string | null {
    const value = (JSON.parse(this.payload) as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : null;
  }
}
