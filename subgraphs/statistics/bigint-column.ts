import type { ValueTransformer } from 'typeorm';

/**
 * Reads BIGINT counters as numbers: MySQL drivers may hand them back as strings. Counters stay far
 * below 2^53 (9e15 fen is 90 trillion yuan), so a JavaScript number holds them exactly.
 */
export const BIGINT_AS_NUMBER: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};
