import type { IndicatorDefinition } from './indicator-definition';

/** 信用: the credit department's indicators. */
export const CREDIT_INDICATORS: readonly IndicatorDefinition[] = [];
