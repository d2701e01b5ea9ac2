import 'reflect-metadata';
import { Column, Entity, PrimaryGeneratedColumn, Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import type { DatabaseSettings } from '../../config/config';
import { createLogger } from '../../observability/logger';
import { Counters } from '../../observability/metrics';
import { openDataSource } from '../data-source.factory';

// A throwaway schema for the data layer's own specs: a transfer is written with its lines in one
// transaction, so a transfer whose line count does not match its lines was half written.

@Entity('transfer')
export class Transfer {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 40 })
  label: string;

  @Column({ name: 'line_count', type: 'int' })
  lineCount: number;
}

@Entity('transfer_line')
export class TransferLine {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'transfer_id', type: 'int' })
  transferId: number;

  @Column({ type: 'int' })
  position: number;
}

@Entity('counter')
export class Counter {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  value: number;
}

class LedgerTables1700000000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const id = {
      name: 'id',
      type: 'integer',
      isPrimary: true,
      isGenerated: true,
      generationStrategy: 'increment',
    } as const;
    await queryRunner.createTable(
      new Table({
        name: 'transfer',
        columns: [id, { name: 'label', type: 'varchar', length: '40' }, { name: 'line_count', type: 'int' }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'transfer_line',
        columns: [id, { name: 'transfer_id', type: 'int' }, { name: 'position', type: 'int' }],
        foreignKeys: [{ columnNames: ['transfer_id'], referencedTableName: 'transfer', referencedColumnNames: ['id'] }],
      }),
    );
    await queryRunner.createTable(new Table({ name: 'counter', columns: [id, { name: 'value', type: 'int' }] }));
  }
  async down(): Promise<void> {}
}

export function openLedger(settings: DatabaseSettings, dataDir: string) {
  return openDataSource({
    settings,
    dataDir,
    entities: [Transfer, TransferLine, Counter],
    migrations: [LedgerTables1700000000000],
    counters: new Counters(),
    logger: createLogger('ledger-spec', 'error'),
  });
}

export const EMBEDDED_LEDGER: DatabaseSettings = { kind: 'embedded', schema: 'ledger', poolSize: 1 };
