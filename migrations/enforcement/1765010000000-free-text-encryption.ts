import type { MigrationInterface, QueryRunner } from 'typeorm';
import { freeTextColumnsV1 } from '../../platform/crypto/key-tables';

// The free-text columns stored encrypted when a value holds personal information (platform/crypto/encrypted-column.ts, freeText).
const COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['enforcement_case', 'cause'],
  ['enforcement_case', 'decision_summary'],
  ['enforcement_case', 'dismissal_reason'],
  ['enforcement_case', 'filing_rejection_reason'],
  ['enforcement_case', 'proposal_summary'],
  ['enforcement_case', 'legal_review_opinion'],
  ['enforcement_case', 'party_statement'],
  ['enforcement_case', 'hearing_record'],
  ['enforcement_case', 'payment_reference'],
  ['enforcement_case', 'execution_note'],
  ['case_share', 'reason'],
  ['case_step', 'comment'],
  ['case_evidence', 'title'],
  ['case_evidence', 'file_name'],
  ['assistance_request', 'question'],
  ['assistance_request', 'shared_summary'],
  ['assistance_request', 'answer'],
  ['case_transfer', 'reason'],
  ['case_transfer', 'decision_comment'],
];

/**
 * Free text in which someone typed a resident ID, phone or bank card number is kept encrypted: the columns
 * become TEXT on MySQL to hold the envelope. Values stored before are encrypted by the background pass.
 */
export class FreeTextEncryptionEnforcement1765010000000 implements MigrationInterface {
  name = 'FreeTextEncryptionEnforcement1765010000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await freeTextColumnsV1(queryRunner, COLUMNS);
  }

  async down(): Promise<void> {
    // TEXT holds every value the narrower columns held; narrowing back could cut encrypted values.
  }
}
