import type { AccessRules } from '../../platform/auth/access-rules';
import { Permission } from '../../platform/auth/permission.policy';

/** Who may see each credit type (checked by scripts/access-rules.spec.ts). */
export const CREDIT_ACCESS: AccessRules = {
  CreditProfile: [Permission.CREDIT_READ, Permission.CREDIT_WRITE],
  CreditRecord: [Permission.CREDIT_READ, Permission.CREDIT_WRITE],
  CreditRecordConnection: 'STRUCTURE',
  CreditRecordEdge: 'STRUCTURE',
  RecordCreditPayload: 'STRUCTURE',
  // Public under 双公示 (creditDisclosures); credit officers also see the overdue ones.
  // The public reads 双公示; credit readers see the penalties on display with a profile.
  CreditDisclosure: [Permission.PUBLIC_VERIFY, Permission.CREDIT_READ, Permission.CREDIT_WRITE],
  CreditDisclosureConnection: 'STRUCTURE',
  CreditDisclosureEdge: 'STRUCTURE',
  // The history (with officers' reasons) and repair are credit officers' work.
  CreditDisclosureHistory: [Permission.CREDIT_WRITE],
  CreditDisclosureRevision: [Permission.CREDIT_WRITE],
  DisclosureFieldChange: [Permission.CREDIT_WRITE],
  CorrectCreditDisclosurePayload: 'STRUCTURE',
  CreditRepairApplication: [Permission.CREDIT_WRITE],
  CreditRepairAttachment: [Permission.CREDIT_WRITE],
  CreditRepairApplicationConnection: 'STRUCTURE',
  CreditRepairApplicationEdge: 'STRUCTURE',
  CreditRepairPayload: 'STRUCTURE',
  // Credit lists (信用名单): read like credit files; the history's reasons only by credit officers.
  CreditListEntry: [Permission.CREDIT_READ, Permission.CREDIT_WRITE],
  CreditListEntryConnection: 'STRUCTURE',
  CreditListEntryEdge: 'STRUCTURE',
  CreditListEntryPayload: 'STRUCTURE',
  CreditListDecision: [Permission.CREDIT_READ, Permission.CREDIT_WRITE],
  CreditListChange: [Permission.CREDIT_WRITE],
  GoodStandingSubject: [Permission.CREDIT_READ, Permission.CREDIT_WRITE],
  GoodStandingSubjectConnection: 'STRUCTURE',
  GoodStandingSubjectEdge: 'STRUCTURE',
  Enterprise: 'ENTITY_KEY',
  // The national credit platform: subjects' standing is read with the profile; pushes are credit officers' work.
  NationalStanding: [Permission.CREDIT_READ, Permission.CREDIT_WRITE],
  NationalListEntry: [Permission.CREDIT_READ, Permission.CREDIT_WRITE],
  NationalCreditDelivery: [Permission.CREDIT_WRITE],
  NationalCreditDeliveryConnection: 'STRUCTURE',
  NationalCreditDeliveryEdge: 'STRUCTURE',
  NationalCreditDeliverySummary: [Permission.CREDIT_WRITE],
};
