import { registerEnumType } from 'type-graphql';

export enum CreditRecordKind {
  ADMINISTRATIVE_PENALTY = 'ADMINISTRATIVE_PENALTY',
  ADMINISTRATIVE_LICENSE = 'ADMINISTRATIVE_LICENSE',
  COMMENDATION = 'COMMENDATION',
  DISHONESTY = 'DISHONESTY',
}

registerEnumType(CreditRecordKind, {
  name: 'CreditRecordKind',
  description: 'What a credit record (信用记录) states about a market subject.',
  valuesConfig: {
    ADMINISTRATIVE_PENALTY: { description: 'An administrative penalty decided against it (行政处罚).' },
    ADMINISTRATIVE_LICENSE: {
      description: 'An administrative license granted to it (行政许可); does not move the score.',
    },
    COMMENDATION: { description: 'A commendation or award (表彰奖励).' },
    DISHONESTY: { description: 'Dishonest conduct found against it (失信行为).' },
  },
});

export enum CreditRecordSource {
  ENFORCEMENT_DECISION = 'ENFORCEMENT_DECISION',
  LICENSING_DECISION = 'LICENSING_DECISION',
  MANUAL = 'MANUAL',
}

registerEnumType(CreditRecordSource, {
  name: 'CreditRecordSource',
  description: 'Where a credit record came from; with `sourceReference` it identifies the record.',
  valuesConfig: {
    ENFORCEMENT_DECISION: {
      description: 'An enforcement case decision (行政处罚决定); the reference is the case number.',
    },
    LICENSING_DECISION: {
      description: 'A licensing decision (行政许可决定); the reference is the decision or permit number.',
    },
    MANUAL: {
      description: 'Entered by a credit officer (人工录入); the reference is the document number it rests on.',
    },
  },
});
