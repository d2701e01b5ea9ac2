import { weighedByStationMonth } from './overload-record.service';

// What statistics hears of a stored batch: per station and China Standard Time month, how many vehicles
// were weighed and how many overloaded, at the first and last detection (no plates).

describe('the weighings a batch announces', () => {
  const record = (stationCode: string, detectedAt: string, overloaded: boolean) => ({
    stationCode,
    regionCode: stationCode.slice(0, 6),
    detectedAt: new Date(detectedAt),
    overloaded,
  });

  it('sums the records per station and China month, a month turning at 00:00 Beijing time', () => {
    expect(
      weighedByStationMonth([
        record('3201150001', '2026-03-31T15:30:00.000Z', true),
        record('3201150001', '2026-03-31T10:00:00.000Z', false),
        // 1 April 00:30 in Beijing: April's.
        record('3201150001', '2026-03-31T16:30:00.000Z', true),
        record('3205830001', '2026-03-31T12:00:00.000Z', false),
      ]),
    ).toEqual([
      {
        stationCode: '3201150001',
        regionCode: '320115',
        firstDetectedAt: '2026-03-31T10:00:00.000Z',
        lastDetectedAt: '2026-03-31T15:30:00.000Z',
        weighed: 2,
        overloaded: 1,
      },
      {
        stationCode: '3201150001',
        regionCode: '320115',
        firstDetectedAt: '2026-03-31T16:30:00.000Z',
        lastDetectedAt: '2026-03-31T16:30:00.000Z',
        weighed: 1,
        overloaded: 1,
      },
      {
        stationCode: '3205830001',
        regionCode: '320583',
        firstDetectedAt: '2026-03-31T12:00:00.000Z',
        lastDetectedAt: '2026-03-31T12:00:00.000Z',
        weighed: 1,
        overloaded: 0,
      },
    ]);
  });

  it('announces nothing for a batch that stored nothing', () => {
    expect(weighedByStationMonth([])).toEqual([]);
  });
});
