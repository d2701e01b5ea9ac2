import { invalidInput } from '../errors/domain-error';
import { creditCodeProblem } from './credit-code';
import { containsPersonalInformation } from './personal-information-text';
import { plateNumberProblem } from './plate-number';
import { regionCodeProblem } from './region-code';
import { residentIdProblem } from './resident-id';

// Input guards every subgraph runs before it writes: each throws BAD_USER_INPUT naming the field.

export function assertCreditCode(field: string, value: string): void {
  const problem = creditCodeProblem(value);
  if (problem) throw invalidInput(field, problem);
}

export function assertRegionCode(field: string, value: string): void {
  const problem = regionCodeProblem(value);
  if (problem) throw invalidInput(field, problem);
}

export function assertPlateNumber(field: string, value: string): void {
  const problem = plateNumberProblem(value);
  if (problem) throw invalidInput(field, problem);
}

export function assertResidentId(field: string, value: string): void {
  const problem = residentIdProblem(value);
  if (problem) throw invalidInput(field, problem);
}

// A mainland mobile number, or a landline with its area code (0 and 2-3 digits, then 7-8 digits).
const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** A phone number, compared without spaces; returns it without spaces. */
export function assertPhoneNumber(field: string, value: string): string {
  const compact = value.replace(/\s/g, '');
  if (!PHONE_PATTERN.test(compact))
    throw invalidInput(
      field,
      'must be a mobile number (11 digits) or a landline with its area code, e.g. 025-84561234',
    );
  return compact;
}

/** Trims and bounds free text; returns the trimmed value. */
export function assertText(field: string, value: string, maxLength: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw invalidInput(field, 'must not be empty');
  if (trimmed.length > maxLength) throw invalidInput(field, `must be at most ${maxLength} characters`);
  return trimmed;
}

/**
 * As `assertText`, for text printed on a public document (an electronic certificate anyone may verify):
 * it may not carry personal information, which could never be masked there.
 */
export function assertPublicText(field: string, value: string, maxLength: number): string {
  const trimmed = assertText(field, value, maxLength);
  if (containsPersonalInformation(trimmed)) {
    throw invalidInput(
      field,
      'must not contain personal information (resident ID, bank card or phone numbers, e-mail addresses): it is printed on the public electronic certificate (不得包含个人信息)',
    );
  }
  return trimmed;
}

/** A whole number within bounds (money in fen, kilograms, counts). */
export function assertInteger(field: string, value: number, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw invalidInput(field, `must be a whole number between ${min} and ${max}`);
  }
  return value;
}
