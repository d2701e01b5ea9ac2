import { z } from 'zod';
import { defineConfigSection, type SettingsOf } from '../../platform/config/config-section';

/** What statistics runs on when nothing is set (also what specs build services with). */
export const STATISTICS_DEFAULTS = {
  /** Open data (数据开放): a cell counting fewer than this many things is shown as "<k", never its value. */
  openDataMinCount: 5,
} as const;

/** Statistics' own settings. */
export const STATISTICS_CONFIG = defineConfigSection({
  variables: {
    // At least 2: a k of 1 would publish single cases and enterprises.
    STATISTICS_OPEN_DATA_MIN_COUNT: z.coerce
      .number()
      .int()
      .min(2)
      .max(1000)
      .default(STATISTICS_DEFAULTS.openDataMinCount),
  },
  build: (values) => ({ openData: { minCount: values.STATISTICS_OPEN_DATA_MIN_COUNT } }),
});

export type StatisticsConfig = SettingsOf<typeof STATISTICS_CONFIG>;
