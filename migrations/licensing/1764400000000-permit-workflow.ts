import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The full permit workflow: return notices, review opinions, deadlines and their extension, waiting for
 * national platforms, the transition record of every step, route segments approved in parallel by each
 * province, attached materials (metadata and SM3 digest; the bytes are in the file store) and permit
 * status changes. Applications that existed before get their submission and decision as history.
 */
export class PermitWorkflow1764400000000 implements MigrationInterface {
  name = 'PermitWorkflow1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const nullableText = (name: string, length: number) =>
      new TableColumn({ name, type: 'varchar', length: String(length), isNullable: true });
    const nullableTime = (name: string) => new TableColumn({ name, type: 'datetime', isNullable: true });
    // AWAITING_EXTERNAL_VERIFICATION does not fit the original 16 characters. On MySQL, TypeORM's
    // changeColumn drops and re-adds a column whose length changes, losing every status: MODIFY keeps them.
    await this.widenStatus(queryRunner, 32);
    await queryRunner.addColumns('permit_application', [
      nullableText('handling_officer', 100),
      new TableColumn({ name: 'decision_due_date', type: 'date', isNullable: true }),
      nullableText('returned_material_codes', 500),
      nullableText('return_note', 1000),
      nullableText('returned_by', 100),
      nullableTime('returned_at'),
      nullableText('review_opinion', 1000),
      nullableText('review_recommendation', 8),
      nullableText('reviewed_by', 100),
      nullableTime('reviewed_at'),
      nullableText('extension_status', 16),
      nullableText('extension_reason', 500),
      nullableText('extension_requested_by', 100),
      nullableTime('extension_requested_at'),
      nullableText('extension_decided_by', 100),
      nullableTime('extension_decided_at'),
      nullableText('extension_comment', 500),
      nullableText('pending_verification', 24),
      nullableText('status_before_verification', 32),
      nullableTime('verification_checked_at'),
      nullableText('verification_note', 500),
      nullableText('pending_approval_by', 100),
      nullableText('pending_approval_conditions', 1000),
    ]);
    // An officer's pending applications: the region is in the index too, so the page's ids and the total
    // are read from the index alone. Overdue and due-soon lists and the platform re-check: status and due date.
    await queryRunner.createIndex(
      'permit_application',
      new TableIndex({
        name: 'ix_application_officer_status',
        columnNames: ['handling_officer', 'status', 'region_code'],
      }),
    );
    await queryRunner.createIndex(
      'permit_application',
      new TableIndex({ name: 'ix_application_status_due', columnNames: ['status', 'decision_due_date'] }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'permit_application_transition',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'application_id', type: 'int' },
          { name: 'action', type: 'varchar', length: '32' },
          { name: 'from_status', type: 'varchar', length: '32', isNullable: true },
          { name: 'to_status', type: 'varchar', length: '32' },
          { name: 'actor', type: 'varchar', length: '100' },
          { name: 'occurred_at', type: 'datetime' },
          { name: 'comment', type: 'varchar', length: '1000', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'ix_application_transition_application', columnNames: ['application_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'permit_route_segment',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'application_id', type: 'int' },
          { name: 'province_code', type: 'varchar', length: '6' },
          { name: 'position', type: 'int' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'decided_by', type: 'varchar', length: '100', isNullable: true },
          { name: 'decided_at', type: 'datetime', isNullable: true },
          { name: 'comment', type: 'varchar', length: '1000', isNullable: true },
        ],
        indices: [
          new TableIndex({
            name: 'uq_route_segment_application_province',
            columnNames: ['application_id', 'province_code'],
            isUnique: true,
          }),
          // The visibility subquery: applications whose route crosses a province in the caller's scope.
          new TableIndex({ name: 'ix_route_segment_province', columnNames: ['province_code', 'application_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'permit_material',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'application_id', type: 'int' },
          { name: 'material_code', type: 'varchar', length: '40' },
          { name: 'material_name', type: 'varchar', length: '200' },
          { name: 'file_name', type: 'varchar', length: '200' },
          { name: 'size_bytes', type: 'int' },
          { name: 'sm3_digest', type: 'varchar', length: '64' },
          { name: 'storage_reference', type: 'varchar', length: '300' },
          { name: 'uploaded_by', type: 'varchar', length: '100' },
          { name: 'uploaded_at', type: 'datetime' },
        ],
        indices: [new TableIndex({ name: 'ix_permit_material_application', columnNames: ['application_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'permit_status_change',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'permit_id', type: 'int' },
          { name: 'from_status', type: 'varchar', length: '16' },
          { name: 'to_status', type: 'varchar', length: '16' },
          { name: 'actor', type: 'varchar', length: '100' },
          { name: 'occurred_at', type: 'datetime' },
          { name: 'reason', type: 'varchar', length: '1000' },
          { name: 'case_number', type: 'varchar', length: '32', isNullable: true },
        ],
        indices: [new TableIndex({ name: 'ix_permit_status_change_permit', columnNames: ['permit_id'] })],
      }),
    );

    // History for applications made before this migration: what their rows still tell.
    const escape = (name: string) => queryRunner.connection.driver.escape(name);
    const transitionColumns = [
      'application_id',
      'action',
      'from_status',
      'to_status',
      'actor',
      'occurred_at',
      'comment',
    ]
      .map(escape)
      .join(', ');
    const transitions = escape('permit_application_transition');
    const applications = escape('permit_application');
    await queryRunner.query(
      `INSERT INTO ${transitions} (${transitionColumns})
       SELECT id, 'SUBMIT', NULL, 'SUBMITTED', submitted_by, submitted_at, NULL FROM ${applications}`,
    );
    await queryRunner.query(
      `INSERT INTO ${transitions} (${transitionColumns})
       SELECT id, 'ACCEPT', 'SUBMITTED', 'ACCEPTED', 'unrecorded', accepted_at, NULL FROM ${applications} WHERE accepted_at IS NOT NULL`,
    );
    await queryRunner.query(
      `INSERT INTO ${transitions} (${transitionColumns})
       SELECT id, CASE WHEN status = 'APPROVED' THEN 'APPROVE' ELSE 'REJECT' END,
              CASE WHEN accepted_at IS NULL THEN 'SUBMITTED' ELSE 'ACCEPTED' END,
              status, COALESCE(decided_by, 'unrecorded'), decided_at, decision_comment
       FROM ${applications} WHERE decided_at IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'permit_status_change',
      'permit_material',
      'permit_route_segment',
      'permit_application_transition',
    ])
      await queryRunner.dropTable(table);
    await queryRunner.dropIndex('permit_application', 'ix_application_status_due');
    await queryRunner.dropIndex('permit_application', 'ix_application_officer_status');
    for (const column of [
      'handling_officer',
      'decision_due_date',
      'returned_material_codes',
      'return_note',
      'returned_by',
      'returned_at',
      'review_opinion',
      'review_recommendation',
      'reviewed_by',
      'reviewed_at',
      'extension_status',
      'extension_reason',
      'extension_requested_by',
      'extension_requested_at',
      'extension_decided_by',
      'extension_decided_at',
      'extension_comment',
      'pending_verification',
      'status_before_verification',
      'verification_checked_at',
      'verification_note',
      'pending_approval_by',
      'pending_approval_conditions',
    ]) {
      await queryRunner.dropColumn('permit_application', column);
    }
    await this.widenStatus(queryRunner, 16);
  }

  private async widenStatus(queryRunner: QueryRunner, length: number): Promise<void> {
    if (queryRunner.connection.options.type === 'mysql') {
      await queryRunner.query(`ALTER TABLE \`permit_application\` MODIFY \`status\` varchar(${length}) NOT NULL`);
      return;
    }
    // SQLite rebuilds the table, copying every row.
    await queryRunner.changeColumn(
      'permit_application',
      'status',
      new TableColumn({ name: 'status', type: 'varchar', length: String(length) }),
    );
  }
}
