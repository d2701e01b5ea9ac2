import { CreditRecordKind } from '../credit-record/credit-record-kind';
import { CreditRating, creditRating, creditScore, manualDeltaProblem, penaltyDelta } from './credit-rating';

describe('the credit rating rule', () => {
  it('starts every subject at 100 and keeps the score within 0-100', () => {
    expect(creditScore(0)).toBe(100);
    expect(creditScore(5)).toBe(100);
    expect(creditScore(-37)).toBe(63);
    expect(creditScore(-100)).toBe(0);
    expect(creditScore(-140)).toBe(0);
  });

  it('rates A from 90, B from 75, C from 60 and D below', () => {
    const ratings = [100, 90, 89, 75, 74, 60, 59, 0].map((score) => [score, creditRating(score)]);
    expect(ratings).toEqual([
      [100, CreditRating.A],
      [90, CreditRating.A],
      [89, CreditRating.B],
      [75, CreditRating.B],
      [74, CreditRating.C],
      [60, CreditRating.C],
      [59, CreditRating.D],
      [0, CreditRating.D],
    ]);
  });

  it('deducts for a penalty by the decision, fines banded at 10,000 and 50,000 yuan', () => {
    expect(penaltyDelta('WARNING', null)).toBe(-2);
    expect(penaltyDelta('FINE', 999_999)).toBe(-5);
    expect(penaltyDelta('FINE', 1_000_000)).toBe(-10);
    expect(penaltyDelta('FINE', 4_999_999)).toBe(-10);
    expect(penaltyDelta('FINE', 5_000_000)).toBe(-20);
    expect(penaltyDelta('CONFISCATION', null)).toBe(-10);
    expect(penaltyDelta('PERMIT_SUSPENSION', null)).toBe(-20);
    expect(penaltyDelta('PERMIT_REVOCATION', null)).toBe(-40);
  });

  it('makes no record of a decision to impose no penalty, and records a penalty it does not know without a deduction', () => {
    expect(penaltyDelta('NO_PENALTY', null)).toBeNull();
    expect(penaltyDelta('COMMUNITY_SERVICE', null)).toBe(0);
  });

  it('bounds what an officer may state on a manual record, and which way each kind may move the score', () => {
    expect(manualDeltaProblem(CreditRecordKind.DISHONESTY, -100)).toBeNull();
    expect(manualDeltaProblem(CreditRecordKind.DISHONESTY, -101)).toMatch(/between -100 and 10/);
    expect(manualDeltaProblem(CreditRecordKind.COMMENDATION, 10)).toBeNull();
    expect(manualDeltaProblem(CreditRecordKind.COMMENDATION, 11)).toMatch(/between -100 and 10/);
    expect(manualDeltaProblem(CreditRecordKind.COMMENDATION, 2.5)).toMatch(/whole number/);
    expect(manualDeltaProblem(CreditRecordKind.COMMENDATION, -1)).toMatch(/not be negative/);
    expect(manualDeltaProblem(CreditRecordKind.ADMINISTRATIVE_PENALTY, 1)).toMatch(/not be positive/);
    expect(manualDeltaProblem(CreditRecordKind.ADMINISTRATIVE_LICENSE, -1)).toMatch(/must be 0/);
    expect(manualDeltaProblem(CreditRecordKind.ADMINISTRATIVE_LICENSE, 0)).toBeNull();
  });
});
