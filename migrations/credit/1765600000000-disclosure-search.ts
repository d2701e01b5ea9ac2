import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The public search by name prefix counts its matches from one index alone: the name and the three
 * columns that decide whether a disclosure is public. bench:credit, 1,000,000 disclosures, prefix 南京
 * (83,217 matches): the count took 7.7 s through ix_credit_disclosure_name and the rows, 0.08 s here.
 */
export class DisclosureSearch1765600000000 implements MigrationInterface {
  name = 'DisclosureSearch1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'credit_disclosure',
      new TableIndex({
        name: 'ix_credit_disclosure_public_name',
        columnNames: ['counterpart_name', 'display_ended_at', 'public_until', 'published_at'],
      }),
    );
    // Its first column serves every prefix search the old name index served.
    await queryRunner.dropIndex('credit_disclosure', 'ix_credit_disclosure_name');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'credit_disclosure',
      new TableIndex({ name: 'ix_credit_disclosure_name', columnNames: ['counterpart_name'] }),
    );
    await queryRunner.dropIndex('credit_disclosure', 'ix_credit_disclosure_public_name');
  }
}
