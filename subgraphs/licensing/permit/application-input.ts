import { assertText } from '../../../platform/codes/assert-input';
import { invalidInput } from '../../../platform/errors/domain-error';
import type { ApplicationActionInput } from './inputs/permit-application.inputs';

// Checks every step of the permit procedure runs on its input before it reads or writes anything.

export function given<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

/** Free text that may be left out: null when missing or blank, else checked like required text. */
export function optionalText(field: string, value: string | null | undefined, maxLength: number): string | null {
  return given(value) && value.trim() !== '' ? assertText(field, value, maxLength) : null;
}

export function assertExpectedVersion(input: ApplicationActionInput): void {
  if (given(input.expectedVersion) && (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1)) {
    throw invalidInput('expectedVersion', 'must be a positive integer');
  }
}
