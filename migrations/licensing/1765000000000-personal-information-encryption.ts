import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createPersonalInformationKeyTablesV1, encryptColumnV1, onTable } from '../../platform/crypto/key-tables';

/**
 * The legal representative's name and the enterprise's contact phone (new) are kept encrypted (SM4-CBC +
 * HMAC-SM3); the phone has a blind index for exact lookups. Values already stored are encrypted by the
 * background pass the subgraph starts (platform/crypto/reencryption.ts), in resumable batches.
 */
export class PersonalInformationEncryption1765000000000 implements MigrationInterface {
  name = 'PersonalInformationEncryption1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createPersonalInformationKeyTablesV1(queryRunner);
    await encryptColumnV1(queryRunner, 'enterprise', 'legal_representative', 680);
    await queryRunner.query('ALTER TABLE `enterprise` ADD COLUMN `contact_phone` varchar(160) NULL');
    await encryptColumnV1(queryRunner, 'enterprise', 'contact_phone', 160, {
      column: 'contact_phone_index',
      index: 'ix_enterprise_contact_phone_index',
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Plain SQL: TypeORM's dropColumn rebuilds an SQLite table, which fails on a table others refer to.
    await queryRunner.query('DROP INDEX `ix_enterprise_contact_phone_index`' + onTable(queryRunner, 'enterprise'));
    await queryRunner.query('ALTER TABLE `enterprise` DROP COLUMN `contact_phone_index`');
    await queryRunner.query('ALTER TABLE `enterprise` DROP COLUMN `contact_phone`');
    await queryRunner.dropTable('personal_information_job');
    await queryRunner.dropTable('personal_information_key');
  }
}
