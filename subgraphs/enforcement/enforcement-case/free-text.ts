import { mayReadPersonalInformation } from '../../../platform/auth/personal-information.policy';
import { maskPersonalInformation } from '../../../platform/codes/personal-information';
import type { EnforcementContext } from '../enforcement.context';

/**
 * Free text written by officers (a party's statement, a hearing record, what one region shares with
 * another) may carry resident ID and phone numbers: shown in full only under the personal-information
 * policy, masked otherwise.
 */
export function presentedFreeText(text: string | null, context: EnforcementContext): string | null {
  if (text === null) return null;
  return mayReadPersonalInformation(context) ? text : (maskPersonalInformation(text) as string);
}
