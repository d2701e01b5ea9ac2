import { registerEnumType } from 'type-graphql';
import { CreditRecordKind } from '../credit-record/credit-record-kind';

// The credit scoring rule (信用评价规则) in one place: what each record deducts or adds, how the
// records add up to a score, and which rating a score earns.

export enum CreditRating {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}

registerEnumType(CreditRating, {
  name: 'CreditRating',
  description: 'Credit rating (信用等级) derived from the score.',
  valuesConfig: {
    A: { description: 'Good credit (信用良好): score 90 or more.' },
    B: { description: 'Fair credit (信用较好): score 75 to 89.' },
    C: { description: 'Poor credit (信用一般): score 60 to 74; watched more closely.' },
    D: { description: 'Bad credit (信用较差): score below 60; subject to the strictest supervision.' },
  },
});

/** The score of a subject with no records, and the most any subject can have. */
export const FULL_SCORE = 100;
export const LOWEST_SCORE = 0;

/** Lowest score of each rating, best rating first; below the last bound the rating is D. */
const RATING_BOUNDS: ReadonlyArray<readonly [CreditRating, number]> = [
  [CreditRating.A, 90],
  [CreditRating.B, 75],
  [CreditRating.C, 60],
];

/** The lowest score that earns `rating` (0 for D). */
export function lowestScoreOf(rating: CreditRating): number {
  return RATING_BOUNDS.find(([each]) => each === rating)?.[1] ?? LOWEST_SCORE;
}

/** score = clamp(100 + sum of the records' deltas, 0, 100). */
export function creditScore(deltaSum: number): number {
  return Math.min(FULL_SCORE, Math.max(LOWEST_SCORE, FULL_SCORE + deltaSum));
}

export function creditRating(score: number): CreditRating {
  for (const [rating, lowest] of RATING_BOUNDS) if (score >= lowest) return rating;
  return CreditRating.D;
}

// Fines are banded by amount in fen: under 10,000 yuan, under 50,000 yuan, and above.
const SMALL_FINE_BELOW_FEN = 1_000_000;
const MEDIUM_FINE_BELOW_FEN = 5_000_000;

const PENALTY_DEDUCTIONS: Readonly<Record<string, number>> = {
  WARNING: -2,
  CONFISCATION: -10,
  PERMIT_SUSPENSION: -20,
  PERMIT_REVOCATION: -40,
};

/**
 * The score delta of an enforcement decision, by its penalty (the `penalty` of `case.decided`), or null
 * when the decision is not a credit record at all (NO_PENALTY). A penalty kind this rule does not know
 * yet is still recorded, without a deduction, rather than lost or blocking the events behind it.
 */
export function penaltyDelta(penalty: string, fineFen: number | null): number | null {
  if (penalty === 'NO_PENALTY') return null;
  if (penalty === 'FINE') {
    const fen = fineFen ?? 0;
    if (fen < SMALL_FINE_BELOW_FEN) return -5;
    if (fen < MEDIUM_FINE_BELOW_FEN) return -10;
    return -20;
  }
  return PENALTY_DEDUCTIONS[penalty] ?? 0;
}

/** The delta of a manual record whose officer states none. A penalty states its own (it depends on the decision). */
export const DEFAULT_MANUAL_DELTA: Readonly<Record<CreditRecordKind, number | null>> = {
  ADMINISTRATIVE_PENALTY: null,
  ADMINISTRATIVE_LICENSE: 0,
  COMMENDATION: 5,
  DISHONESTY: -30,
};

/** Bounds of a delta an officer may state on a manual record. */
export const MANUAL_DELTA_MIN = -100;
export const MANUAL_DELTA_MAX = 10;

/** Which way each kind may move the score: penalties and dishonesty only down, commendations only up, licenses not at all. */
export function manualDeltaProblem(kind: CreditRecordKind, delta: number): string | null {
  if (!Number.isSafeInteger(delta) || delta < MANUAL_DELTA_MIN || delta > MANUAL_DELTA_MAX) {
    return `must be a whole number between ${MANUAL_DELTA_MIN} and ${MANUAL_DELTA_MAX}`;
  }
  if ((kind === CreditRecordKind.ADMINISTRATIVE_PENALTY || kind === CreditRecordKind.DISHONESTY) && delta > 0)
    return `must not be positive for ${kind}`;
  if (kind === CreditRecordKind.COMMENDATION && delta < 0) return `must not be negative for ${kind}`;
  if (kind === CreditRecordKind.ADMINISTRATIVE_LICENSE && delta !== 0) return `must be 0 for ${kind}`;
  return null;
}
