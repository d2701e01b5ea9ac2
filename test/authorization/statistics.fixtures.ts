import { query } from '../harness/single-window.client';
import { textAt, type Json } from './matrix.dsl';

// Statistics' records for the matrix: early-warning thresholds (预警阈值), set by ministry-admin (who holds
// statistics-warning-admin). One per fixture: each has its own comparison and granularity, the key a
// threshold is set by, so a cell that removes one leaves the others.

const KEYS = ['MONTH', 'QUARTER', 'YEAR'].flatMap((granularity) =>
  ['VALUE_ABOVE', 'VALUE_BELOW', 'PERIOD_ON_PERIOD_UP_PERCENT', 'YEAR_ON_YEAR_UP_PERCENT'].map((comparison) => ({
    comparison,
    granularity,
  })),
);
const used = new Map<string, number>();

/** A threshold on waybills created in `region`: its id. */
export async function warningThresholdFixture(token: string, region: string): Promise<string> {
  const next = used.get(region) ?? 0;
  used.set(region, next + 1);
  if (next >= KEYS.length) throw new Error(`more than ${KEYS.length} warning-threshold fixtures in ${region}`);
  const data = await query<{ setWarningThreshold: Json }>(
    token,
    `mutation ($input: SetWarningThresholdInput!) { setWarningThreshold(input: $input) { threshold { id } } }`,
    // Thresholds no figure passes: the matrix's fixtures raise no warning.
    {
      input: {
        indicator: 'WAYBILLS_CREATED',
        regionCode: region,
        threshold: KEYS[next].comparison === 'VALUE_BELOW' ? 0 : 1e9,
        ...KEYS[next],
      },
    },
  );
  return textAt(data.setWarningThreshold, 'threshold.id');
}
