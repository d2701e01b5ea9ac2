import { maskFreeText } from './personal-information-text';

// Personal information (个人信息) is shown masked unless a pii-reader declared a purpose. This module and
// personal-information-text.ts are the one place it is masked: the subgraphs' text fields
// (platform/graphql/text-fields.ts) and the audit trail's copy of request variables both use them.

export { containsPersonalInformation, maskFreeText } from './personal-information-text';
export { maskResidentId } from './resident-id';

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

/** Keys whose values are personal names wherever they appear. */
const PERSON_NAME_KEYS =
  /^(partyName|driverName|escortName|personName|contactName|applicantName|agentName|legalRepresentative)$/;

/**
 * A deep copy of request variables fit for logs and the audit trail: every string masked as free text
 * (resident ID, bank card, phone numbers, e-mail addresses, however written), and values of person-name
 * keys masked as names.
 */
export function maskPersonalInformation(value: unknown, key = ''): unknown {
  if (typeof value === 'string') return PERSON_NAME_KEYS.test(key) ? maskPersonName(value) : maskFreeText(value);
  if (Array.isArray(value)) return value.map((item) => maskPersonalInformation(item, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([entryKey, entryValue]) => [entryKey, maskPersonalInformation(entryValue, entryKey)]),
    );
  }
  return value;
}
