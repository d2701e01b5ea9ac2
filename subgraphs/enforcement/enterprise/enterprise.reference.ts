import { Permission, requirePermission } from '../../../platform/auth/permission.policy';
import type { EnforcementContext } from '../enforcement.context';
import type { Enterprise } from './enterprise.resolver';

/**
 * Resolves `Enterprise` references for the fields enforcement adds. The registry lives in licensing, so
 * the key is all there is here: cases are found by credit code whether or not the enterprise is registered.
 */
export function resolveEnterpriseReference(
  reference: Pick<Enterprise, 'creditCode'>,
  context: EnforcementContext,
): Enterprise {
  requirePermission(context.identity, Permission.CASE_READ);
  return { creditCode: reference.creditCode };
}
