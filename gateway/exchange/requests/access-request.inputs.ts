import { PurposeCode } from '../../../platform/auth/purpose';
import { invalidInput } from '../../../platform/errors/domain-error';

/** What a partner's administrator sends to ask for catalogue items. */
export interface RequestDataAccessInput {
  coordinates: readonly string[];
  purposes: readonly PurposeCode[];
  legalBasis: string;
  reason: string;
}

export enum DataAccessDecision {
  GRANT = 'GRANT',
  REFUSE = 'REFUSE',
}

/** What an approver sends to decide pending items. */
export interface DecideDataAccessInput {
  itemIds: readonly number[];
  decision: DataAccessDecision;
  expiresAt?: Date | null;
  reason?: string | null;
}

/** The most items one request or one decision may hold. */
export const MAX_ITEMS = 200;
/** The longest a conditional grant may run (三年). */
export const MAX_GRANT_YEARS = 3;

/** A text the person must write: trimmed, between `min` and `max` characters. */
export function requiredText(field: string, value: string | null | undefined, min: number, max: number): string {
  const trimmed = (value ?? '').trim();
  if (trimmed.length < min || trimmed.length > max)
    throw invalidInput(field, `须填写${min}至${max}个字。must be ${min}-${max} characters`);
  return trimmed;
}

/** The list, checked: not empty, at most MAX_ITEMS, no value twice (the field names the repeat). */
export function distinctList<TValue>(field: string, values: readonly TValue[], what: string): TValue[] {
  if (values.length === 0) throw invalidInput(field, `至少填写一项。must name at least one ${what}`);
  if (values.length > MAX_ITEMS)
    throw invalidInput(
      field,
      `一次最多${MAX_ITEMS}项。names ${values.length} ${what}s; at most ${MAX_ITEMS} in one go`,
    );
  const seen = new Set<TValue>();
  values.forEach((value, index) => {
    if (seen.has(value))
      throw invalidInput(`${field}[${index}]`, `重复填写 ${String(value)}。repeats ${String(value)}`);
    seen.add(value);
  });
  return [...values];
}

/**
 * The time to whole seconds: MySQL and MariaDB `datetime` columns keep no fraction, so what a mutation
 * answers is what a later read gives.
 */
export function wholeSeconds(time: Date): Date {
  return new Date(Math.floor(time.getTime() / 1000) * 1000);
}

/** The grant's end (to whole seconds), checked: in the future and at most MAX_GRANT_YEARS ahead. */
export function grantExpiry(requested: Date | null | undefined, now: Date): Date {
  if (!requested) throw invalidInput('expiresAt', '批准须注明有效期。is required to grant');
  const expiresAt = wholeSeconds(requested);
  if (expiresAt.getTime() <= now.getTime())
    throw invalidInput('expiresAt', '有效期须晚于当前时间。must be in the future');
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_GRANT_YEARS);
  if (expiresAt.getTime() > latest.getTime())
    throw invalidInput('expiresAt', `有效期最长${MAX_GRANT_YEARS}年。must be at most ${MAX_GRANT_YEARS} years ahead`);
  return expiresAt;
}

export const PURPOSE_CODES: readonly PurposeCode[] = Object.values(PurposeCode);
