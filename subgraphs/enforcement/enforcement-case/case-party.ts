import { mayReadPersonalInformation } from '../../../platform/auth/personal-information.policy';
import { maskPersonName } from '../../../platform/codes/personal-information';
import { maskResidentId } from '../../../platform/codes/resident-id';
import type { EnforcementContext } from '../enforcement.context';
import type { EnforcementCase } from './enforcement-case.entity';

// The person a case is against is personal information (个人信息): shown in full only to a pii-reader who
// declared a purpose for the request (kit policy), masked for everyone else. The database keeps it in full.

export function presentedPartyName(enforcementCase: EnforcementCase, context: EnforcementContext): string | null {
  if (enforcementCase.partyName === null) return null;
  return mayReadPersonalInformation(context) ? enforcementCase.partyName : maskPersonName(enforcementCase.partyName);
}

export function presentedPartyIdNumber(enforcementCase: EnforcementCase, context: EnforcementContext): string | null {
  if (enforcementCase.partyIdNumber === null) return null;
  return mayReadPersonalInformation(context)
    ? enforcementCase.partyIdNumber
    : maskResidentId(enforcementCase.partyIdNumber);
}
