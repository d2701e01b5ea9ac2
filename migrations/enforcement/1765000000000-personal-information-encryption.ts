import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createPersonalInformationKeyTablesV1, encryptColumnV1, onTable } from '../../platform/crypto/key-tables';

/**
 * The party's name and resident ID number are kept encrypted (SM4-CBC + HMAC-SM3): the columns grow to hold
 * the envelope, and the ID number gets a blind index for exact lookups. Values already stored are encrypted
 * by the background pass the subgraph starts (platform/crypto/reencryption.ts), in resumable batches.
 */
export class PersonalInformationEncryption1765000000000 implements MigrationInterface {
  name = 'PersonalInformationEncryption1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createPersonalInformationKeyTablesV1(queryRunner);
    await encryptColumnV1(queryRunner, 'enforcement_case', 'party_name', 400);
    await encryptColumnV1(queryRunner, 'enforcement_case', 'party_id_number', 160, {
      column: 'party_id_number_index',
      index: 'ix_case_party_id_number_index',
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Plain SQL: TypeORM's dropColumn rebuilds an SQLite table, which fails on a table others refer to.
    await queryRunner.query('DROP INDEX `ix_case_party_id_number_index`' + onTable(queryRunner, 'enforcement_case'));
    await queryRunner.query('ALTER TABLE `enforcement_case` DROP COLUMN `party_id_number_index`');
    await queryRunner.dropTable('personal_information_job');
    await queryRunner.dropTable('personal_information_key');
  }
}
