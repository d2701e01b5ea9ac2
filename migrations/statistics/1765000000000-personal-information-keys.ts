import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createPersonalInformationKeyTablesV1 } from '../../platform/crypto/key-tables';

/** The department's data and blind-index keys for personal information (SM4, HMAC-SM3), wrapped by the master key. */
export class PersonalInformationKeysStatistics1765000000000 implements MigrationInterface {
  name = 'PersonalInformationKeysStatistics1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createPersonalInformationKeyTablesV1(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('personal_information_job');
    await queryRunner.dropTable('personal_information_key');
  }
}
