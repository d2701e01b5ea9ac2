import type { AccessRules } from '../../../platform/auth/access-rules';
import { Permission } from '../../../platform/auth/permission.policy';

/** Who may see the overload records' types; spread into ENFORCEMENT_ACCESS. */
export const OVERLOAD_ACCESS: AccessRules = {
  OverloadRecord: [Permission.CASE_READ],
  OverloadRecordConnection: 'STRUCTURE',
  OverloadRecordEdge: 'STRUCTURE',
  SubmitOverloadRecordsPayload: 'STRUCTURE',
  // What a station learns of its own batch: outcomes and problems, nothing of cases or owners.
  OverloadRecordResult: [Permission.OVERLOAD_SUBMIT],
  OverloadRecordProblem: [Permission.OVERLOAD_SUBMIT],
};
