import { isSeriousOverload, overloadsMeetingCriterion, plannedRemovalAt, type CountedOverload } from './list-criteria';

const RULES = { overloadCount: 3, overloadMonths: 12, seriousOverloadPercent: 0 };

function overload(caseNumber: string, decidedAt: string): CountedOverload {
  return { caseNumber, decidedAt: new Date(decidedAt) };
}

const numbers = (overloads: CountedOverload[] | null) => overloads?.map((each) => each.caseNumber) ?? null;

describe('listing criteria (列入严重失信主体名单的认定标准)', () => {
  describe('the listing term', () => {
    it('ends the same instant three years after the start by default', () => {
      expect(plannedRemovalAt(new Date('2026-03-02T06:00:00Z'), 3).toISOString()).toBe('2029-03-02T06:00:00.000Z');
    });

    it('ends on the last day of February for a listing started on 29 February', () => {
      expect(plannedRemovalAt(new Date('2028-02-29T01:00:00Z'), 1).toISOString()).toBe('2029-02-28T01:00:00.000Z');
    });
  });

  describe('repeated serious overloads (REPEATED_SERIOUS_OVERLOAD)', () => {
    it('is met by the third penalised overload within 12 months, naming all three', () => {
      const earlier = [overload('A1', '2026-01-10T02:00:00Z'), overload('A2', '2026-06-01T02:00:00Z')];
      const third = overload('A3', '2026-12-20T02:00:00Z');
      expect(numbers(overloadsMeetingCriterion(third, earlier, RULES))).toEqual(['A1', 'A2', 'A3']);
    });

    it('is not met by two, whatever their dates', () => {
      expect(
        overloadsMeetingCriterion(
          overload('A2', '2026-06-01T02:00:00Z'),
          [overload('A1', '2026-05-01T02:00:00Z')],
          RULES,
        ),
      ).toBeNull();
    });

    it('counts the window of 12 months with both ends included, and not a day more', () => {
      const first = overload('A1', '2026-01-10T02:00:00Z');
      const second = overload('A2', '2026-05-01T02:00:00Z');
      expect(
        numbers(overloadsMeetingCriterion(overload('A3', '2027-01-10T02:00:00Z'), [first, second], RULES)),
      ).toEqual(['A1', 'A2', 'A3']);
      expect(overloadsMeetingCriterion(overload('A3', '2027-01-10T02:00:01Z'), [first, second], RULES)).toBeNull();
    });

    it('slides: an old overload drops out, later ones make the count', () => {
      const history = [
        overload('A1', '2025-01-10T02:00:00Z'),
        overload('A2', '2026-02-01T02:00:00Z'),
        overload('A3', '2026-08-01T02:00:00Z'),
      ];
      expect(numbers(overloadsMeetingCriterion(overload('A4', '2026-09-01T02:00:00Z'), history, RULES))).toEqual([
        'A2',
        'A3',
        'A4',
      ]);
    });

    it('lists a decision that arrives late with the ones it completes the count with', () => {
      const later = [overload('A2', '2026-03-01T02:00:00Z'), overload('A3', '2026-04-01T02:00:00Z')];
      expect(numbers(overloadsMeetingCriterion(overload('A1', '2026-02-01T02:00:00Z'), later, RULES))).toEqual([
        'A1',
        'A2',
        'A3',
      ]);
    });

    it('follows the configured threshold and window', () => {
      const history = [overload('A1', '2026-01-10T02:00:00Z'), overload('A2', '2026-02-10T02:00:00Z')];
      const latest = overload('A3', '2026-03-10T02:00:00Z');
      expect(overloadsMeetingCriterion(latest, history, { overloadCount: 4, overloadMonths: 12 })).toBeNull();
      expect(
        numbers(overloadsMeetingCriterion(latest, history.slice(1), { overloadCount: 2, overloadMonths: 1 })),
      ).toEqual(['A2', 'A3']);
      expect(
        overloadsMeetingCriterion(latest, history.slice(0, 1), { overloadCount: 2, overloadMonths: 1 }),
      ).toBeNull();
    });

    it('counts penalised overloads of enterprises at least as far above the limit as configured', () => {
      const decision = { penalty: 'FINE', creditCode: '91320102MA1MY0R10Q', overloadExcessPercent: 12.5 };
      expect(isSeriousOverload(decision, { seriousOverloadPercent: 0 })).toBe(true);
      expect(isSeriousOverload(decision, { seriousOverloadPercent: 12.5 })).toBe(true);
      expect(isSeriousOverload(decision, { seriousOverloadPercent: 30 })).toBe(false);
      expect(isSeriousOverload({ ...decision, penalty: 'NO_PENALTY' }, RULES)).toBe(false);
      expect(isSeriousOverload({ ...decision, creditCode: null }, RULES)).toBe(false);
      // A case no weigh station opened is not an overload the criterion counts.
      expect(isSeriousOverload({ ...decision, overloadExcessPercent: null }, RULES)).toBe(false);
      expect(isSeriousOverload({ penalty: 'FINE', creditCode: '91320102MA1MY0R10Q' }, RULES)).toBe(false);
    });
  });
});
