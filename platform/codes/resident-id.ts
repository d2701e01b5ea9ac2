import { regionCodeProblem } from './region-code';

// Citizen identity numbers (公民身份号码), GB 11643-1999.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function residentIdCheckCharacter(firstSeventeen: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(firstSeventeen[index]) * WEIGHTS[index];
  return CHECK[sum % 11];
}

/** Returns why the value is not a valid resident ID number, or null when it is. */
export function residentIdProblem(value: string): string | null {
  if (!/^\d{17}[\dX]$/.test(value)) return 'must be 17 digits followed by a digit or X';
  if (regionCodeProblem(value.slice(0, 6)) !== null) return 'does not start with a known region code';
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day || birth > new Date()) {
    return 'has an impossible date of birth';
  }
  if (residentIdCheckCharacter(value) !== value[17]) return 'check character does not match';
  return null;
}

/** `320102199001011234` -> `3201**********1234`: region prefix and last four stay readable. */
export function maskResidentId(value: string): string {
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`;
}
