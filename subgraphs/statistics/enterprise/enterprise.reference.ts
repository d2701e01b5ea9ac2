import { Permission, requirePermission } from '../../../platform/auth/permission.policy';
import type { StatisticsContext } from '../statistics.context';
import type { Enterprise } from './enterprise.resolver';

/** Statistics holds no registry: an `Enterprise` reference is its key, and the fields resolve from it. */
export function resolveEnterpriseReference(
  reference: Pick<Enterprise, 'creditCode'>,
  context: StatisticsContext,
): Pick<Enterprise, 'creditCode'> {
  requirePermission(context.identity, Permission.STATISTICS_READ);
  return { creditCode: reference.creditCode };
}
