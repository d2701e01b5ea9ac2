import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Sqlite from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { inTransaction } from './data-source.factory';
import { EMBEDDED_LEDGER, openLedger, Transfer, TransferLine } from './testing/ledger.fixture';

// The embedded database (better-sqlite3, one WAL file per service) as the services use it: concurrent
// requests in one process, other processes on the same file, and a crash in the middle of writing.

const CHILD_TIMEOUT_MS = 60_000;

/** A promise and the function that settles it, to hold a transaction open at a chosen point. */
function gate(): { opened: Promise<void>; open(): void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

function labels(dataSource: DataSource): Promise<string[]> {
  return dataSource.manager
    .find(Transfer, { order: { id: 'ASC' } })
    .then((transfers) => transfers.map((transfer) => transfer.label));
}

/** Starts a compiled child script and hands each line it prints to `onLine`. */
function startChild(script: string, args: string[], onLine: (line: string) => void) {
  const child = spawn(process.execPath, [join(__dirname, 'testing', script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  createInterface({ input: child.stdout }).on('line', onLine);
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  return { child, exited };
}

describe('the embedded database', () => {
  let dataDir: string;
  let dataSource: DataSource;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'embedded-sqlite-spec-'));
    dataSource = await openLedger(EMBEDDED_LEDGER, dataDir);
  });

  afterEach(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs transactions that overlap in time one after another, so a rollback undoes only its own rows', async () => {
    const failing = gate();
    const started = gate();
    const doomed = inTransaction(dataSource, async (manager) => {
      await manager.insert(Transfer, { label: 'doomed', lineCount: 0 });
      started.open();
      await failing.opened;
      throw new Error('refused');
    });
    await started.opened;
    const kept = Promise.all(
      ['first', 'second'].map((label) =>
        inTransaction(dataSource, async (manager) => {
          await manager.insert(Transfer, { label, lineCount: 0 });
          // While this transaction is open, it sees its own row and no other open transaction's.
          return (await manager.find(Transfer)).map((transfer) => transfer.label);
        }),
      ),
    );
    failing.open();
    await expect(doomed).rejects.toThrow('refused');
    expect(await kept).toEqual([['first'], ['first', 'second']]);
    expect(await labels(dataSource)).toEqual(['first', 'second']);
  });

  it('reads outside transactions only what is committed, without waiting for an open transaction', async () => {
    const finish = gate();
    const inserted = gate();
    const open = inTransaction(dataSource, async (manager) => {
      await manager.insert(Transfer, { label: 'pending', lineCount: 0 });
      inserted.open();
      await finish.opened;
    });
    await inserted.opened;
    expect(await labels(dataSource)).toEqual([]);
    finish.open();
    await open;
    expect(await labels(dataSource)).toEqual(['pending']);
  });

  it('queues a write made outside transactions behind the open transaction, whose rollback leaves it in place', async () => {
    const fail = gate();
    const inserted = gate();
    const doomed = inTransaction(dataSource, async (manager) => {
      await manager.insert(Transfer, { label: 'doomed', lineCount: 0 });
      inserted.open();
      await fail.opened;
      throw new Error('refused');
    });
    await inserted.opened;
    let written = false;
    const outside = dataSource.manager.insert(Transfer, { label: 'outside', lineCount: 0 }).then(() => {
      written = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).toBe(false);
    fail.open();
    await expect(doomed).rejects.toThrow('refused');
    await outside;
    expect(await labels(dataSource)).toEqual(['outside']);
  });

  it('waits for another process writing the same file instead of failing, then reads what it committed', async () => {
    const locked = gate();
    const other = startChild('external-writer.process.js', [join(dataDir, 'ledger.sqlite'), '700'], (line) => {
      if (line === 'locked') locked.open();
    });
    await locked.opened;
    // The other process holds the write lock for 700 ms; this transaction's BEGIN waits for it.
    const labelsSeen = await inTransaction(dataSource, async (manager) => {
      await manager.insert(Transfer, { label: 'this process', lineCount: 0 });
      return (await manager.find(Transfer, { order: { id: 'ASC' } })).map((transfer) => transfer.label);
    });
    expect(await other.exited).toBe(0);
    expect(labelsSeen).toEqual(['other process', 'this process']);
  });

  it(
    'keeps every committed transaction and no half-written one when the writing process is killed',
    async () => {
      await dataSource.destroy();
      const reported: number[] = [];
      // Three crashes, each after a different number of commits, each recovering the one before.
      for (const commits of [40, 75, 110]) {
        const enough = gate();
        const writer = startChild('ledger-writer.process.js', [dataDir], (line) => {
          reported.push(Number(line));
          if (reported.length >= commits) enough.open();
        });
        await Promise.race([enough.opened, writer.exited]);
        writer.child.kill('SIGKILL');
        expect(await writer.exited).toBe('SIGKILL');
      }

      dataSource = await openLedger(EMBEDDED_LEDGER, dataDir);
      const transfers = await dataSource.manager.find(Transfer);
      const lines = await dataSource.manager.find(TransferLine);
      const stored = new Set(transfers.map((transfer) => transfer.id));
      expect(reported.filter((id) => !stored.has(id))).toEqual([]);
      const linesOf = new Map<number, number[]>();
      for (const line of lines) linesOf.set(line.transferId, [...(linesOf.get(line.transferId) ?? []), line.position]);
      const halfWritten = transfers.filter(
        (transfer) =>
          (linesOf.get(transfer.id) ?? []).sort((a, b) => a - b).join() !==
          Array.from({ length: transfer.lineCount }, (_, position) => position).join(),
      );
      expect(halfWritten).toEqual([]);
      expect(lines.filter((line) => !stored.has(line.transferId))).toEqual([]);
      await dataSource.destroy();
      const file = new Sqlite(join(dataDir, 'ledger.sqlite'), { readonly: true });
      try {
        expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        file.close();
      }
    },
    CHILD_TIMEOUT_MS * 2,
  );
});
