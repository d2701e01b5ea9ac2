import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Versions and history of disclosures (双公示): a version per disclosure and a revision per version
 * (publication, correction, licence status change, repair, end of display), never deleted; a licence's
 * status; a penalty's dishonesty severity and the date repair becomes possible (信用修复); when the display
 * ended. Disclosures published before get version 1 and their PUBLISHED revision; penalties get the
 * ordinary defaults (3 months to repair, their public period unchanged).
 */
export class DisclosureVersions1765300000000 implements MigrationInterface {
  name = 'DisclosureVersions1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('credit_disclosure', [
      new TableColumn({ name: 'version', type: 'int', default: 1 }),
      new TableColumn({ name: 'license_status', type: 'varchar', length: '16', isNullable: true }),
      new TableColumn({ name: 'severity', type: 'varchar', length: '16', isNullable: true }),
      new TableColumn({ name: 'repairable_from', type: 'datetime', isNullable: true }),
      new TableColumn({ name: 'display_ended_at', type: 'datetime', isNullable: true }),
    ]);
    // The job that ends displays looks for published disclosures past public_until and not yet ended.
    await queryRunner.createIndex(
      'credit_disclosure',
      new TableIndex({ name: 'ix_credit_disclosure_display', columnNames: ['display_ended_at', 'public_until'] }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'credit_disclosure_revision',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'disclosure_id', type: 'int' },
          { name: 'version', type: 'int' },
          { name: 'kind', type: 'varchar', length: '32' },
          // JSON of the changed public fields, before and after; free text (encrypted when personal).
          { name: 'changes', type: 'text' },
          { name: 'reason', type: 'text', isNullable: true },
          { name: 'actor', type: 'varchar', length: '100' },
          { name: 'occurred_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({
            name: 'ix_credit_disclosure_revision_disclosure',
            columnNames: ['disclosure_id', 'version'],
          }),
        ],
      }),
    );
    await queryRunner.query(
      `UPDATE credit_disclosure SET license_status = 'VALID' WHERE kind = 'ADMINISTRATIVE_LICENSE'`,
    );
    await queryRunner.query(`UPDATE credit_disclosure SET severity = 'ORDINARY' WHERE kind = 'ADMINISTRATIVE_PENALTY'`);
    // Three months after the decision; computed here per row so one statement runs on MySQL and SQLite.
    const penalties = (await queryRunner.query(
      `SELECT id, decided_at FROM credit_disclosure WHERE kind = 'ADMINISTRATIVE_PENALTY'`,
    )) as Array<{ id: number; decided_at: string | Date }>;
    for (const penalty of penalties) {
      const decided =
        penalty.decided_at instanceof Date ? penalty.decided_at : new Date(`${penalty.decided_at.replace(' ', 'T')}Z`);
      const china = new Date(decided.getTime() + 8 * 3_600_000);
      const day = china.getUTCDate();
      china.setUTCDate(1);
      china.setUTCMonth(china.getUTCMonth() + 3);
      const lastDay = new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() + 1, 0)).getUTCDate();
      china.setUTCDate(Math.min(day, lastDay));
      const repairableFrom = new Date(china.getTime() - 8 * 3_600_000);
      await queryRunner.query(`UPDATE credit_disclosure SET repairable_from = ? WHERE id = ?`, [
        repairableFrom.toISOString().replace('T', ' ').replace('Z', ''),
        penalty.id,
      ]);
    }
    await queryRunner.query(
      `INSERT INTO credit_disclosure_revision (disclosure_id, version, kind, changes, reason, actor, occurred_at)
       SELECT id, 1, 'PUBLISHED', '[]', NULL, 'system:credit-publication', published_at
       FROM credit_disclosure WHERE published_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('credit_disclosure_revision');
    await queryRunner.dropIndex('credit_disclosure', 'ix_credit_disclosure_display');
    for (const column of ['display_ended_at', 'repairable_from', 'severity', 'license_status', 'version'])
      await queryRunner.dropColumn('credit_disclosure', column);
  }
}
