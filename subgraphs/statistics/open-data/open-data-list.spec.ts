import { INDICATOR_CATALOGUE } from '../catalogue/indicator-catalogue';
import type { IndicatorDefinition } from '../catalogue/indicator-definition';
import { OPEN_DATA_LIST, openDataListProblems } from './open-data-list';

const base = INDICATOR_CATALOGUE.find((definition) => definition.code === 'CASES_OPENED')!;
const note = '立案量。Cases filed.';

describe('the open data list (数据开放清单)', () => {
  it('names only catalogue indicators that are counts, or made of counts, and none from personal information', () => {
    expect(OPEN_DATA_LIST.length).toBeGreaterThan(0);
    expect(openDataListProblems(OPEN_DATA_LIST)).toEqual([]);
    for (const entry of OPEN_DATA_LIST) expect(['PROVINCE', 'NATIONAL']).toContain(entry.finest);
  });

  it('does not open sums of money, whose small cells cannot be told by their value', () => {
    expect(OPEN_DATA_LIST.map((entry) => entry.indicator)).not.toContain('FINES_FEN');
    expect(openDataListProblems([{ indicator: 'FINES_FEN', finest: 'PROVINCE', note }])).toEqual([
      'FINES_FEN: small cells cannot be hidden (not a count, and not made of counts)',
    ]);
  });

  it('refuses an unknown code, a line listed twice, a city level, a note in one language', () => {
    expect(
      openDataListProblems([
        { indicator: 'NO_SUCH_INDICATOR', finest: 'PROVINCE', note },
        { indicator: 'CASES_OPENED', finest: 'PROVINCE', note: 'Cases filed.' },
        { indicator: 'CASES_OPENED', finest: 'CITY' as 'PROVINCE', note },
      ]),
    ).toEqual([
      'NO_SUCH_INDICATOR: not an indicator of the catalogue',
      'CASES_OPENED: the note says why it is safe to open, in Chinese and English',
      'CASES_OPENED: listed twice',
      'CASES_OPENED: opened only at province level and above (PROVINCE or NATIONAL)',
    ]);
  });

  it('refuses an indicator derived from personal information or broken down by who it is about', () => {
    const catalogue: IndicatorDefinition[] = [
      ...INDICATOR_CATALOGUE,
      { ...base, code: 'VEHICLES_REGISTERED', sourceEvents: ['vehicle.registered'] },
      { ...base, code: 'CASES_BY_PLATE', dimension: { code: 'PLATE_NUMBER', name: '车牌', nameEn: 'Plate' } },
      {
        ...base,
        code: 'RATE_OF_MONEY',
        aggregation: 'RATIO',
        unit: 'PERCENT',
        numerator: 'CASES_OPENED',
        denominator: 'FINES_FEN',
      },
    ];
    expect(
      openDataListProblems(
        [
          { indicator: 'VEHICLES_REGISTERED', finest: 'NATIONAL', note },
          { indicator: 'CASES_BY_PLATE', finest: 'NATIONAL', note },
          { indicator: 'RATE_OF_MONEY', finest: 'NATIONAL', note },
        ],
        catalogue,
      ),
    ).toEqual([
      'VEHICLES_REGISTERED: derived from personal information (vehicle.registered)',
      'CASES_BY_PLATE: its dimension PLATE_NUMBER identifies someone',
      'RATE_OF_MONEY: small cells cannot be hidden (not a count, and not made of counts)',
    ]);
  });
});
