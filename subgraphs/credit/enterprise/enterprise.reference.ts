import { Permission, requirePermission } from '../../../platform/auth/permission.policy';
import type { CreditContext } from '../credit.context';
import type { Enterprise } from './enterprise.resolver';

/**
 * Resolves `Enterprise` references for the fields credit adds. The registry lives in licensing, so the
 * key is all there is here: every subject has a profile whether or not anything is recorded.
 */
export function resolveEnterpriseReference(
  reference: Pick<Enterprise, 'creditCode'>,
  context: CreditContext,
): Enterprise {
  requirePermission(context.identity, Permission.CREDIT_READ);
  return { creditCode: reference.creditCode };
}
