import { registerEnumType } from 'type-graphql';

export enum PenaltyKind {
  WARNING = 'WARNING',
  FINE = 'FINE',
  CONFISCATION = 'CONFISCATION',
  PERMIT_SUSPENSION = 'PERMIT_SUSPENSION',
  PERMIT_REVOCATION = 'PERMIT_REVOCATION',
  NO_PENALTY = 'NO_PENALTY',
}

registerEnumType(PenaltyKind, {
  name: 'PenaltyKind',
  description: 'What an enforcement decision imposes (行政处罚种类).',
  valuesConfig: {
    WARNING: { description: 'A warning (警告).' },
    FINE: { description: 'A fine (罚款); the amount is in `fineFen`.' },
    CONFISCATION: { description: 'Confiscation of illegal gains or property (没收违法所得、没收非法财物).' },
    PERMIT_SUSPENSION: { description: 'Suspension of a permit (暂扣许可证件); the permit is named in `permitNumber`.' },
    PERMIT_REVOCATION: { description: 'Revocation of a permit (吊销许可证件); the permit is named in `permitNumber`.' },
    NO_PENALTY: { description: 'A decision to impose no penalty (不予行政处罚).' },
  },
});

/** Penalties that act on a permit, so the decision must name it. */
export const PERMIT_PENALTIES: readonly PenaltyKind[] = [PenaltyKind.PERMIT_SUSPENSION, PenaltyKind.PERMIT_REVOCATION];
