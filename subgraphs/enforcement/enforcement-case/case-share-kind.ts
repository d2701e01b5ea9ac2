import { registerEnumType } from 'type-graphql';

/** Why a region other than the handling one may read a case. */
export enum CaseShareKind {
  READ = 'READ',
  TRANSFER_REVIEW = 'TRANSFER_REVIEW',
  TRANSFERRED_FROM = 'TRANSFERRED_FROM',
}

registerEnumType(CaseShareKind, {
  name: 'CaseShareKind',
  description: 'Why another region may read a case; no share lets a region act on it.',
  valuesConfig: {
    READ: { description: 'Shared by the handling region for reading (案件共享), until revoked: the whole case.' },
    TRANSFER_REVIEW: {
      description:
        'Proposed for transfer to the region, which reads the whole case to accept or decline it (移送待接收).',
    },
    TRANSFERRED_FROM: {
      description:
        'The region handed the case over (移出地): it keeps reading the case, and the steps and evidence recorded in it, not those of the new region.',
    },
  },
});

/** Shares that show every step and item of evidence; TRANSFERRED_FROM shows only the region's own. */
export const WHOLE_CASE_SHARES: readonly CaseShareKind[] = [CaseShareKind.READ, CaseShareKind.TRANSFER_REVIEW];
