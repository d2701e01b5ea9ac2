import { assertInteger, assertText } from '../../../platform/codes/assert-input';
import { invalidInput } from '../../../platform/errors/domain-error';
import { given } from '../enforcement-case/case-access';
import { PERMIT_PENALTIES, PenaltyKind } from '../enforcement-case/penalty-kind';
import type { EnforcementSettings } from '../enforcement.settings';

/** The largest fine GraphQL's 32-bit Int can carry: about 21 million yuan, above any fine transport law sets. */
export const MAX_FINE_FEN = 2_147_483_647;

export interface Penalty {
  penalty: PenaltyKind;
  fineFen: number | null;
  permitNumber: string | null;
}

/** A penalty as given: a fine needs its amount, a permit penalty its permit, and nothing else may come with them. */
export function validatePenalty(input: {
  penalty: PenaltyKind;
  fineFen?: number | null;
  permitNumber?: string | null;
}): Penalty {
  if (!Object.values(PenaltyKind).includes(input.penalty)) throw invalidInput('penalty', 'is not a known penalty kind');
  let fineFen: number | null = null;
  if (input.penalty === PenaltyKind.FINE) {
    if (!given(input.fineFen)) throw invalidInput('fineFen', 'is required for a FINE');
    fineFen = assertInteger('fineFen', input.fineFen, 1, MAX_FINE_FEN);
  } else if (given(input.fineFen)) {
    throw invalidInput('fineFen', 'applies only to a FINE');
  }
  let permitNumber: string | null = null;
  if (PERMIT_PENALTIES.includes(input.penalty)) {
    if (!given(input.permitNumber)) throw invalidInput('permitNumber', `is required for ${input.penalty}`);
    permitNumber = assertText('permitNumber', input.permitNumber, 32);
  } else if (given(input.permitNumber)) {
    throw invalidInput('permitNumber', 'applies only to PERMIT_SUSPENSION and PERMIT_REVOCATION');
  }
  return { penalty: input.penalty, fineFen, permitNumber };
}

/**
 * A major penalty (重大执法决定; 行政处罚法 第58条, 第63条): a fine of at least the configured amount
 * (较大数额罚款) or the suspension or revocation of a permit. It needs legal review before the party
 * is notified, and gives the party the right to a hearing.
 */
export function isMajorPenalty(penalty: Penalty, settings: EnforcementSettings): boolean {
  return (
    PERMIT_PENALTIES.includes(penalty.penalty) ||
    (penalty.penalty === PenaltyKind.FINE && (penalty.fineFen ?? 0) >= settings.majorFineFen)
  );
}

const SEVERITY: Readonly<Record<PenaltyKind, number>> = {
  NO_PENALTY: 0,
  WARNING: 1,
  FINE: 2,
  CONFISCATION: 2,
  PERMIT_SUSPENSION: 3,
  PERMIT_REVOCATION: 4,
};

/**
 * Whether a decision stays within the penalty the party was notified of (不得因当事人陈述申辩而加重处罚,
 * 行政处罚法 第45条): the same kind no larger (the same permit), or a lighter kind. Anything else needs a
 * new proposal and a new notice.
 */
export function withinNotifiedPenalty(decision: Penalty, notified: Penalty): boolean {
  if (decision.penalty === notified.penalty) {
    if (decision.penalty === PenaltyKind.FINE) return (decision.fineFen ?? 0) <= (notified.fineFen ?? 0);
    return decision.permitNumber === notified.permitNumber;
  }
  return SEVERITY[decision.penalty] < SEVERITY[notified.penalty];
}
