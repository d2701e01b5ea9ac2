// Motor vehicle plates (GA 36): a province abbreviation, the issuing authority's letter, then the serial.
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const LETTER = 'A-HJ-NP-Z'; // I and O are never used, they read as 1 and 0
const ORDINARY = new RegExp(`^[${PROVINCES}][${LETTER}][${LETTER}0-9]{4}[${LETTER}0-9挂学警港澳]$`);
// New-energy plates have six serial characters: small cars D/F then five (a letter may be second),
// large vehicles five digits then D/F.
const NEW_ENERGY = new RegExp(`^[${PROVINCES}][${LETTER}](?:[DF][${LETTER}0-9]\\d{4}|\\d{5}[DF])$`);

/** Returns why the value is not a valid plate number, or null when it is. */
export function plateNumberProblem(value: string): string | null {
  if (value.length !== 7 && value.length !== 8) {
    return 'must be 7 characters (ordinary plate) or 8 characters (new-energy plate)';
  }
  if (!PROVINCES.includes(value[0])) return 'must start with a province abbreviation such as 苏 or 浙';
  const pattern = value.length === 7 ? ORDINARY : NEW_ENERGY;
  if (!pattern.test(value)) {
    return value.length === 7
      ? 'ordinary plates are a province, a letter (not I or O) and five letters or digits'
      : 'new-energy plates are a province, a letter, then D or F and five characters, or five digits and D or F';
  }
  return null;
}
