import { maskResidentId } from './resident-id';

// Personal information (个人信息) is shown masked unless a pii-reader declared a purpose.

/** `13812345678` -> `138****5678`. */
export function maskPhone(value: string): string {
  return value.length < 7
    ? '*'.repeat(value.length)
    : `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

/** `王建国` -> `王**`: the family name stays readable. */
export function maskPersonName(value: string): string {
  const characters = [...value];
  return characters.length <= 1 ? '*' : `${characters[0]}${'*'.repeat(characters.length - 1)}`;
}

const RESIDENT_ID = /\b\d{17}[\dX]\b/g;
const MOBILE_PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
/** Keys whose values are personal names wherever they appear. */
const PERSON_NAME_KEYS = /^(partyName|driverName|escortName|personName|contactName|applicantName|agentName)$/;

/**
 * A deep copy of request variables fit for logs and the audit trail: resident ID and mobile numbers
 * masked wherever they appear, and values of person-name keys masked.
 */
export function maskPersonalInformation(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (PERSON_NAME_KEYS.test(key)) return maskPersonName(value);
    return value
      .replace(RESIDENT_ID, (match) => maskResidentId(match))
      .replace(MOBILE_PHONE, (match) => maskPhone(match));
  }
  if (Array.isArray(value)) return value.map((item) => maskPersonalInformation(item, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([entryKey, entryValue]) => [entryKey, maskPersonalInformation(entryValue, entryKey)]),
    );
  }
  return value;
}
