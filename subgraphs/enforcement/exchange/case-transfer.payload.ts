import { Field, ObjectType } from 'type-graphql';
import { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import { CaseTransfer } from './case-transfer.entity';

@ObjectType({ description: 'A transfer after a step on it, and its case as the caller now sees it.' })
export class CaseTransferPayload {
  @Field(() => CaseTransfer, { description: 'The transfer as it now stands.' })
  transfer: CaseTransfer;

  @Field(() => EnforcementCase, {
    nullable: true,
    description: 'The case; null when the caller no longer sees it (a region that declined a transfer).',
  })
  case: EnforcementCase | null;
}
