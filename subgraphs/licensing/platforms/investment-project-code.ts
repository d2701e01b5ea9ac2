import { regionCodeProblem } from '../../../platform/codes/region-code';
import { chinaYear } from '../../../platform/time/china-time';

// Investment project codes (投资项目统一代码), GB/T 40058-2021 shape: YYYY-RRRRRR-DD-TT-NNNNNC, the year,
// the GB/T 2260 region, a two-digit department code, a two-digit project type, a five-digit serial and
// a check character. The check character here is ISO 7064 MOD 11-2 over the 19 digits (as in resident
// ID numbers); a deployment against the real platform confirms its algorithm with the platform's owner.
const SHAPE = /^(\d{4})-(\d{6})-(\d{2})-(\d{2})-(\d{5})([0-9X])$/;

/** ISO 7064 MOD 11-2: the character that makes the whole string check to 1 (10 is written X). */
export function investmentProjectCheckCharacter(digits: string): string {
  let remainder = 0;
  for (const digit of digits) remainder = ((remainder + Number(digit)) * 2) % 11;
  const check = (12 - remainder) % 11;
  return check === 10 ? 'X' : String(check);
}

/** Returns why the value is not an investment project code, or null when it is one. */
export function investmentProjectCodeProblem(value: string, now = new Date()): string | null {
  const match = SHAPE.exec(value);
  if (!match) return 'must have the shape YYYY-RRRRRR-DD-TT-NNNNNC (GB/T 40058-2021)';
  const [, year, region, department, type, serial, check] = match;
  if (Number(year) < 2015 || Number(year) > chinaYear(now)) return `year ${year} is not a year projects were coded in`;
  const regionProblem = regionCodeProblem(region);
  if (regionProblem) return `region ${region} ${regionProblem}`;
  if (investmentProjectCheckCharacter(`${year}${region}${department}${type}${serial}`) !== check)
    return 'check character does not match';
  return null;
}
