import { registerEnumType } from 'type-graphql';

/** Where a credit repair application (信用修复申请) stands. */
export enum CreditRepairState {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
}

registerEnumType(CreditRepairState, {
  name: 'CreditRepairState',
  description: 'Where a credit repair application (信用修复申请) stands.',
  valuesConfig: {
    PENDING: { description: 'Filed, waiting for the deciding region’s decision (待审核).' },
    APPROVED: {
      description: 'Approved: the penalty’s display ended and it no longer counts in the rating (准予修复).',
    },
    REFUSED: { description: 'Refused with reasons (不予修复); a new application may be filed.' },
  },
});

/** What an attachment of a repair application is. */
export enum CreditRepairAttachmentKind {
  COMMITMENT_LETTER = 'COMMITMENT_LETTER',
  CORRECTIVE_EVIDENCE = 'CORRECTIVE_EVIDENCE',
}

registerEnumType(CreditRepairAttachmentKind, {
  name: 'CreditRepairAttachmentKind',
  description: 'What an attachment of a credit repair application is.',
  valuesConfig: {
    COMMITMENT_LETTER: { description: 'The credit commitment letter (信用承诺书).' },
    CORRECTIVE_EVIDENCE: { description: 'Evidence that the dishonest conduct was corrected (纠正失信行为的证明材料).' },
  },
});
