import type { FactMappers } from '../counted-fact';

/** Facts from credit's events. */
export const CREDIT_FACTS: FactMappers = {};
