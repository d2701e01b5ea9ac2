import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const nullable = (name: string, type: string, length?: string): TableColumn =>
  new TableColumn({ name, type, ...(length ? { length } : {}), isNullable: true });

/**
 * The full procedure (filing approval, proposal, legal review, notice, statement, hearing, execution,
 * deadline extensions), evidence with SM3 digests, and the exchange between regions (transfers and
 * assistance requests). Steps now say what they did and in which region; shares say why they exist.
 * Rows written before keep their meaning: a FILED case counts as approved, its steps as taken in the
 * region handling it (no case had moved region before this migration).
 */
export class CaseLifecycle1764400000000 implements MigrationInterface {
  name = 'CaseLifecycle1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('enforcement_case', [
      nullable('filing_approved_by', 'varchar', '100'),
      nullable('filing_approved_at', 'datetime'),
      nullable('filing_rejection_reason', 'varchar', '1000'),
      nullable('proposed_penalty', 'varchar', '24'),
      nullable('proposed_fine_fen', 'bigint'),
      nullable('proposed_permit_number', 'varchar', '32'),
      nullable('proposal_summary', 'varchar', '1000'),
      nullable('proposed_by', 'varchar', '100'),
      nullable('proposed_at', 'datetime'),
      nullable('legal_review_required', 'boolean'),
      nullable('legal_review_approved', 'boolean'),
      nullable('legal_reviewed_by', 'varchar', '100'),
      nullable('legal_reviewed_at', 'datetime'),
      nullable('legal_review_opinion', 'varchar', '1000'),
      nullable('notified_by', 'varchar', '100'),
      nullable('notified_at', 'datetime'),
      nullable('response_due_date', 'date'),
      nullable('hearing_available', 'boolean'),
      nullable('party_statement', 'text'),
      nullable('statement_recorded_by', 'varchar', '100'),
      nullable('statement_recorded_at', 'datetime'),
      nullable('hearing_waived', 'boolean'),
      nullable('hearing_requested_by', 'varchar', '100'),
      nullable('hearing_requested_at', 'datetime'),
      nullable('hearing_held_at', 'datetime'),
      nullable('hearing_record', 'text'),
      nullable('hearing_recorded_by', 'varchar', '100'),
      nullable('executed_by', 'varchar', '100'),
      nullable('executed_at', 'datetime'),
      nullable('paid_fen', 'bigint'),
      nullable('payment_reference', 'varchar', '64'),
      nullable('execution_note', 'varchar', '1000'),
      new TableColumn({ name: 'deadline_extension_days', type: 'int', default: 0 }),
    ]);

    await queryRunner.addColumns('case_step', [
      nullable('action', 'varchar', '24'),
      nullable('region_code', 'varchar', '6'),
    ]);
    await queryRunner.query(
      `UPDATE case_step SET region_code = (SELECT enforcement_case.region_code FROM enforcement_case WHERE enforcement_case.id = case_step.case_id),
        action = CASE
          WHEN from_status IS NULL THEN 'FILING_SUBMITTED'
          WHEN comment LIKE 'shared with %' AND from_status = to_status THEN 'SHARED'
          WHEN comment LIKE 'share with % revoked' AND from_status = to_status THEN 'SHARE_REVOKED'
          WHEN to_status = 'INVESTIGATING' THEN 'INVESTIGATION_STARTED'
          WHEN to_status = 'DECIDED' THEN 'DECIDED'
          WHEN to_status = 'CLOSED' THEN 'CLOSED'
          ELSE 'DISMISSED'
        END`,
    );
    await queryRunner.changeColumns('case_step', [
      {
        oldColumn: nullable('action', 'varchar', '24'),
        newColumn: new TableColumn({ name: 'action', type: 'varchar', length: '24' }),
      },
      {
        oldColumn: nullable('region_code', 'varchar', '6'),
        newColumn: new TableColumn({ name: 'region_code', type: 'varchar', length: '6' }),
      },
    ]);

    await queryRunner.addColumn(
      'case_share',
      new TableColumn({ name: 'kind', type: 'varchar', length: '16', default: "'READ'" }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'assistance_request',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'case_id', type: 'int' },
          { name: 'case_number', type: 'varchar', length: '16' },
          { name: 'requesting_region_code', type: 'varchar', length: '6' },
          { name: 'assisting_region_code', type: 'varchar', length: '6' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'question', type: 'varchar', length: '1000' },
          { name: 'shared_summary', type: 'text' },
          { name: 'due_date', type: 'date' },
          { name: 'requested_by', type: 'varchar', length: '100' },
          { name: 'requested_at', type: 'datetime' },
          { name: 'answer', type: 'text', isNullable: true },
          { name: 'answered_by', type: 'varchar', length: '100', isNullable: true },
          { name: 'answered_at', type: 'datetime', isNullable: true },
          { name: 'evidence_verified', type: 'int', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'ix_assistance_case', columnNames: ['case_id'] }),
          // The visibility conditions: `<region> LIKE '<prefix>%'` on either side.
          new TableIndex({ name: 'ix_assistance_requesting_region', columnNames: ['requesting_region_code'] }),
          new TableIndex({ name: 'ix_assistance_assisting_region', columnNames: ['assisting_region_code'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_assistance_case',
            columnNames: ['case_id'],
            referencedTableName: 'enforcement_case',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'case_evidence',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'case_id', type: 'int' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'title', type: 'varchar', length: '200' },
          { name: 'file_name', type: 'varchar', length: '200' },
          { name: 'size_bytes', type: 'int' },
          { name: 'sm3_digest', type: 'varchar', length: '64' },
          { name: 'storage_reference', type: 'varchar', length: '200' },
          { name: 'collected_at', type: 'datetime' },
          { name: 'added_by', type: 'varchar', length: '100' },
          { name: 'added_at', type: 'datetime' },
          { name: 'region_code', type: 'varchar', length: '6' },
          { name: 'assistance_request_id', type: 'int', isNullable: true },
          { name: 'handed_over_at', type: 'datetime', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'ix_case_evidence_case', columnNames: ['case_id'] }),
          new TableIndex({ name: 'ix_case_evidence_assistance', columnNames: ['assistance_request_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_case_evidence_case',
            columnNames: ['case_id'],
            referencedTableName: 'enforcement_case',
            referencedColumnNames: ['id'],
          }),
          new TableForeignKey({
            name: 'fk_case_evidence_assistance',
            columnNames: ['assistance_request_id'],
            referencedTableName: 'assistance_request',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'case_transfer',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'case_id', type: 'int' },
          { name: 'from_region_code', type: 'varchar', length: '6' },
          { name: 'to_region_code', type: 'varchar', length: '6' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'reason', type: 'varchar', length: '1000' },
          { name: 'status_before', type: 'varchar', length: '16' },
          { name: 'proposed_by', type: 'varchar', length: '100' },
          { name: 'proposed_at', type: 'datetime' },
          { name: 'decided_by', type: 'varchar', length: '100', isNullable: true },
          { name: 'decided_at', type: 'datetime', isNullable: true },
          { name: 'decision_comment', type: 'varchar', length: '1000', isNullable: true },
          { name: 'evidence_verified', type: 'int', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'ix_case_transfer_case', columnNames: ['case_id'] }),
          new TableIndex({ name: 'ix_case_transfer_to_region', columnNames: ['to_region_code'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_case_transfer_case',
            columnNames: ['case_id'],
            referencedTableName: 'enforcement_case',
            referencedColumnNames: ['id'],
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['case_transfer', 'case_evidence', 'assistance_request']) await queryRunner.dropTable(table);
    await queryRunner.dropColumn('case_share', 'kind');
    await queryRunner.dropColumns('case_step', ['action', 'region_code']);
    const added = [
      'filing_approved_by',
      'filing_approved_at',
      'filing_rejection_reason',
      'proposed_penalty',
      'proposed_fine_fen',
      'proposed_permit_number',
      'proposal_summary',
      'proposed_by',
      'proposed_at',
      'legal_review_required',
      'legal_review_approved',
      'legal_reviewed_by',
      'legal_reviewed_at',
      'legal_review_opinion',
      'notified_by',
      'notified_at',
      'response_due_date',
      'hearing_available',
      'party_statement',
      'statement_recorded_by',
      'statement_recorded_at',
      'hearing_waived',
      'hearing_requested_by',
      'hearing_requested_at',
      'hearing_held_at',
      'hearing_record',
      'hearing_recorded_by',
      'executed_by',
      'executed_at',
      'paid_fen',
      'payment_reference',
      'execution_note',
      'deadline_extension_days',
    ];
    await queryRunner.dropColumns('enforcement_case', added);
  }
}
