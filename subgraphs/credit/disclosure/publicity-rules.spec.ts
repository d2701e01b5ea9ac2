import { CREDIT_CONFIG } from '../credit.config';
import { addMonths, DishonestySeverity, publicityPeriod, severityOf, type PublicityRules } from './publicity-rules';

const DEFAULTS: PublicityRules = {
  ordinaryMinMonths: 3,
  ordinaryMaxMonths: 12,
  seriousMinMonths: 12,
  seriousMaxMonths: 36,
  seriousFineFen: 10_000_000,
  seriousPenalties: ['PERMIT_REVOCATION'],
};

describe('publicity periods of penalties (信用修复)', () => {
  it('classifies a revocation and a fine of 100,000 yuan or more as serious, anything else as ordinary', () => {
    expect(severityOf({ penalty: 'PERMIT_REVOCATION', fineFen: null }, DEFAULTS)).toBe(DishonestySeverity.SERIOUS);
    expect(severityOf({ penalty: 'FINE', fineFen: 10_000_000 }, DEFAULTS)).toBe(DishonestySeverity.SERIOUS);
    expect(severityOf({ penalty: 'FINE', fineFen: 9_999_999 }, DEFAULTS)).toBe(DishonestySeverity.ORDINARY);
    expect(severityOf({ penalty: 'PERMIT_SUSPENSION', fineFen: null }, DEFAULTS)).toBe(DishonestySeverity.ORDINARY);
    expect(
      severityOf(
        { penalty: 'PERMIT_SUSPENSION', fineFen: null },
        { ...DEFAULTS, seriousPenalties: ['PERMIT_SUSPENSION'] },
      ),
    ).toBe(DishonestySeverity.SERIOUS);
  });

  it('opens repair after the minimum and ends the display at the maximum: 3 months / 1 year, 1 year / 3 years', () => {
    const decidedAt = new Date('2026-03-02T06:00:00Z');
    expect(publicityPeriod(decidedAt, DishonestySeverity.ORDINARY, DEFAULTS)).toEqual({
      repairableFrom: new Date('2026-06-02T06:00:00Z'),
      publicUntil: new Date('2027-03-02T06:00:00Z'),
    });
    expect(publicityPeriod(decidedAt, DishonestySeverity.SERIOUS, DEFAULTS)).toEqual({
      repairableFrom: new Date('2027-03-02T06:00:00Z'),
      publicUntil: new Date('2029-03-02T06:00:00Z'),
    });
  });

  it('counts months on the China Standard Time calendar, keeping to the end of a shorter month', () => {
    expect(addMonths(new Date('2026-11-30T06:00:00Z'), 3)).toEqual(new Date('2027-02-28T06:00:00Z'));
    expect(addMonths(new Date('2027-11-30T06:00:00Z'), 3)).toEqual(new Date('2028-02-29T06:00:00Z'));
    expect(addMonths(new Date('2026-03-31T06:00:00Z'), 1)).toEqual(new Date('2026-04-30T06:00:00Z'));
    // 20:00 UTC on 30 November is 04:00 on 1 December in Beijing: three months on is 1 March, 04:00 there.
    expect(addMonths(new Date('2026-11-30T20:00:00Z'), 3)).toEqual(new Date('2027-02-28T20:00:00Z'));
    // 23:00 UTC on 30 January is 31 January in Beijing: one month on is the end of February there.
    expect(addMonths(new Date('2026-01-30T23:00:00Z'), 1)).toEqual(new Date('2026-02-27T23:00:00Z'));
  });

  it('reads the configured rules, with the documented defaults and the old variable as an alias', () => {
    const read = (environment: Record<string, string>) =>
      CREDIT_CONFIG.read(environment, {} as never).settings!.publicity;
    expect(read({})).toEqual(DEFAULTS);
    expect(read({ CREDIT_PENALTY_PUBLIC_MONTHS: '6' }).ordinaryMaxMonths).toBe(6);
    expect(read({ CREDIT_PENALTY_PUBLIC_MONTHS: '6', CREDIT_ORDINARY_MAX_MONTHS: '9' }).ordinaryMaxMonths).toBe(9);
    expect(read({ CREDIT_ORDINARY_MIN_MONTHS: '6', CREDIT_ORDINARY_MAX_MONTHS: '4' }).ordinaryMaxMonths).toBe(6);
    expect(
      read({ CREDIT_SERIOUS_PENALTIES: 'PERMIT_REVOCATION,PERMIT_SUSPENSION', CREDIT_SERIOUS_FINE_FEN: '5000000' }),
    ).toMatchObject({ seriousPenalties: ['PERMIT_REVOCATION', 'PERMIT_SUSPENSION'], seriousFineFen: 5_000_000 });
    expect(CREDIT_CONFIG.read({ CREDIT_ORDINARY_MAX_MONTHS: '13' }, {} as never).problems).toEqual([
      expect.stringContaining('CREDIT_ORDINARY_MAX_MONTHS'),
    ]);
  });
});
