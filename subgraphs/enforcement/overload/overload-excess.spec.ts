import { overloadExcessPercent } from './overload-excess';
import { detection, overloaded, overloadPerTest, type OverloadSpec } from './overload-record.fixture';

// What `case.decided` tells credit about a case opened from weigh-station records (治超): its worst excess.

describe('overloadExcessPercent', () => {
  let testbed: OverloadSpec['testbed'], submit: OverloadSpec['submit'], storedCases: OverloadSpec['storedCases'];
  overloadPerTest((spec) => ({ testbed, submit, storedCases } = spec));

  it('is the worst record’s excess over its limit, in percent with one decimal', async () => {
    await submit([
      overloaded({ grossWeightKg: 56_000 }),
      overloaded({ grossWeightKg: 60_000 }),
      // Within the limit: joins no case, counts for nothing.
      detection({ grossWeightKg: 48_000 }),
    ]);
    const [draft, ...others] = await storedCases();
    expect(others).toEqual([]);
    // (60,000 - 49,000) / 49,000 = 22.448...%
    expect(await overloadExcessPercent(testbed.dataSource.manager, draft.id)).toBe(22.4);
  });

  it('is null for a case no weigh station opened', async () => {
    expect(await overloadExcessPercent(testbed.dataSource.manager, 12_345)).toBeNull();
  });
});
