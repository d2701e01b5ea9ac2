// Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters, the last a check character.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function creditCodeCheckCharacter(firstSeventeen: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    sum += CHARSET.indexOf(firstSeventeen[index]) * WEIGHTS[index];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** Returns why the value is not a valid credit code, or null when it is. */
export function creditCodeProblem(value: string): string | null {
  if (value.length !== 18) return 'must be 18 characters';
  if (!SHAPE.test(value)) {
    return 'may contain only digits and the capital letters of GB 32100-2015 (no I, O, S, V, Z), with a six-digit region code at positions 3-8';
  }
  if (creditCodeCheckCharacter(value) !== value[17]) return 'check character does not match';
  return null;
}

/** The registration authority's region code embedded in a credit code (positions 3-8). */
export function creditCodeRegion(value: string): string {
  return value.slice(2, 8);
}
