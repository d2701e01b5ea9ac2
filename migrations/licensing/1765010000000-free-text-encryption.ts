import type { MigrationInterface, QueryRunner } from 'typeorm';
import { freeTextColumnsV1 } from '../../platform/crypto/key-tables';

// The free-text columns stored encrypted when a value holds personal information (platform/crypto/encrypted-column.ts, freeText).
const COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['enterprise', 'address'],
  ['vehicle', 'vehicle_type'],
  ['permit_application', 'return_note'],
  ['permit_application', 'review_opinion'],
  ['permit_application', 'extension_reason'],
  ['permit_application', 'extension_comment'],
  ['permit_application', 'verification_note'],
  ['permit_application', 'decision_comment'],
  ['permit_application_transition', 'comment'],
  ['permit_route_segment', 'comment'],
  ['permit_status_change', 'reason'],
  ['permit_material', 'file_name'],
];

/**
 * Free text in which someone typed a resident ID, phone or bank card number is kept encrypted: the columns
 * become TEXT on MySQL to hold the envelope. Values stored before are encrypted by the background pass.
 */
export class FreeTextEncryptionLicensing1765010000000 implements MigrationInterface {
  name = 'FreeTextEncryptionLicensing1765010000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await freeTextColumnsV1(queryRunner, COLUMNS);
  }

  async down(): Promise<void> {
    // TEXT holds every value the narrower columns held; narrowing back could cut encrypted values.
  }
}
