import { registerEnumType } from 'type-graphql';

export enum EvidenceKind {
  PHOTO = 'PHOTO',
  VIDEO = 'VIDEO',
  DOCUMENT = 'DOCUMENT',
  INQUIRY_RECORD = 'INQUIRY_RECORD',
}

registerEnumType(EvidenceKind, {
  name: 'EvidenceKind',
  description: 'What an item of evidence is (证据种类).',
  valuesConfig: {
    PHOTO: { description: 'A photograph (现场照片).' },
    VIDEO: { description: 'A video or audio recording (视听资料).' },
    DOCUMENT: { description: 'A document: certificate, waybill, weighing slip (书证).' },
    INQUIRY_RECORD: { description: 'A record of inquiry of the party or a witness (询问笔录).' },
  },
});
