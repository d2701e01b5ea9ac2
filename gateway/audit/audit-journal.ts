import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditEntry } from './audit-trail';

/**
 * The gateway's local, append-only journal of audit entries: an entry is written and fsync'ed here before
 * its request is answered, and shipped into the audit trail (the database) afterwards, in journal order.
 * A database outage therefore never costs a record: the shipper catches up when the database is back,
 * after a gateway crash too, since the journal and its shipping cursor are on disk.
 *
 * On disk: numbered segment files `<sequence>.jsonl` (one JSON line per entry, with the SM3 of its
 * content) and `cursor.json`, the position up to which entries are in the trail. A new segment starts
 * when the current one passes `rotateBytes`; segments wholly shipped are deleted.
 */
export interface JournalPosition {
  segment: number;
  offset: number;
}

export interface JournalRecord {
  entry: AuditEntry;
  /** Where the record's line ends: the cursor once it is shipped. */
  end: JournalPosition;
}

interface JournalLine {
  sm3: string;
  entry: Omit<AuditEntry, 'occurredAt'> & { occurredAt: string };
}

interface Waiting {
  line: string;
  resolve(): void;
  reject(error: unknown): void;
}

export interface JournalProblem {
  segment: number;
  line: number;
  problem: string;
}

const CURSOR_FILE = 'cursor.json';
const SEGMENT_PATTERN = /^(\d{12})\.jsonl$/;
const DEFAULT_ROTATE_BYTES = 4 * 1024 * 1024;
// How much of a segment one read takes; a batch ends at the last whole line inside it.
const READ_CHUNK_BYTES = 1024 * 1024;

/** Where the gateway journals audit records: AUDIT_JOURNAL_DIR, or `<DATA_DIR>/audit-journal`. */
export function auditJournalDirectory(dataDir: string, configured: string | null): string {
  return configured ?? join(dataDir, 'audit-journal');
}

function segmentName(segment: number): string {
  return `${String(segment).padStart(12, '0')}.jsonl`;
}

function sm3(text: string): string {
  return createHash('sm3').update(text, 'utf8').digest('hex');
}

function encode(entry: AuditEntry): string {
  const content = JSON.stringify(entry);
  return `{"sm3":"${sm3(content)}","entry":${content}}\n`;
}

/** The entry a journal line holds, or the problem with it (a torn or altered line). */
function decode(text: string): AuditEntry | string {
  let line: JournalLine;
  try {
    line = JSON.parse(text) as JournalLine;
  } catch {
    return 'not a JSON line (torn or altered)';
  }
  if (!line || typeof line.sm3 !== 'string' || !line.entry) return 'not a journal line';
  if (sm3(JSON.stringify(line.entry)) !== line.sm3) return 'its content does not match its SM3 (altered)';
  return { ...line.entry, occurredAt: new Date(line.entry.occurredAt) };
}

function comparePositions(a: JournalPosition, b: JournalPosition): number {
  return a.segment !== b.segment ? a.segment - b.segment : a.offset - b.offset;
}

/** Segment numbers in the directory, oldest first. */
function segmentsIn(directory: string): number[] {
  return readdirSync(directory)
    .map((name) => SEGMENT_PATTERN.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]))
    .sort((a, b) => a - b);
}

function readCursor(directory: string): JournalPosition {
  try {
    const cursor = JSON.parse(readFileSync(join(directory, CURSOR_FILE), 'utf8')) as JournalPosition;
    if (Number.isInteger(cursor.segment) && Number.isInteger(cursor.offset)) return cursor;
  } catch {
    // No cursor yet: nothing shipped.
  }
  return { segment: 0, offset: 0 };
}

/** Reads the unshipped records of a journal directory without opening it for writing (audit:verify). */
export function inspectJournal(directory: string): { unshipped: number; problems: JournalProblem[] } {
  let unshipped = 0;
  const problems: JournalProblem[] = [];
  let segments: number[];
  try {
    segments = segmentsIn(directory);
  } catch {
    return { unshipped, problems };
  }
  const cursor = readCursor(directory);
  for (const segment of segments) {
    if (segment < cursor.segment) continue;
    const content = readFileSync(join(directory, segmentName(segment)));
    const from = segment === cursor.segment ? cursor.offset : 0;
    const lines = content.subarray(from).toString('utf8').split('\n');
    // A last piece without its newline is a write the gateway never finished: its request was not answered.
    const complete = lines.slice(0, -1);
    complete.forEach((text, index) => {
      const decoded = decode(text);
      if (typeof decoded === 'string') problems.push({ segment, line: index + 1, problem: decoded });
      else unshipped += 1;
    });
  }
  return { unshipped, problems };
}

export class AuditJournal {
  private waiting: Waiting[] = [];
  private writing: Promise<void> | null = null;
  private handle: FileHandle | null = null;
  private segment: number;
  /** Bytes of the current segment written and synced: what a reader may take. */
  private synced = 0;
  private cursor: JournalPosition;
  private closed = false;

  private constructor(
    private readonly directory: string,
    private readonly rotateBytes: number,
    segments: number[],
  ) {
    this.cursor = readCursor(directory);
    this.segment = segments.at(-1) ?? Math.max(1, this.cursor.segment);
  }

  /** Opens (creating) the journal in `directory`, cutting a torn last line left by a crash. */
  static async open(directory: string, options: { rotateBytes?: number } = {}): Promise<AuditJournal> {
    mkdirSync(directory, { recursive: true });
    const journal = new AuditJournal(directory, options.rotateBytes ?? DEFAULT_ROTATE_BYTES, segmentsIn(directory));
    await journal.openSegment();
    return journal;
  }

  private path(segment: number): string {
    return join(this.directory, segmentName(segment));
  }

  private async openSegment(): Promise<void> {
    const handle = await open(this.path(this.segment), 'a+');
    const { size } = await handle.stat();
    let keep = size;
    if (size > 0) {
      // A crash mid-write leaves a line without its newline; that request was never answered.
      const content = await handle.readFile();
      keep = content.lastIndexOf(0x0a) + 1;
      if (keep < size) {
        await handle.truncate(keep);
        await handle.datasync();
      }
    }
    this.handle = handle;
    this.synced = keep;
  }

  /** Resolves once the entry is on disk (fsync'ed); entries arriving together share one write and sync. */
  append(entry: AuditEntry): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the audit journal is closed'));
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ line: encode(entry), resolve, reject });
      if (!this.writing) this.writing = this.writeLoop();
    });
  }

  private async writeLoop(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.waiting.length);
        try {
          const bytes = Buffer.from(batch.map((waiting) => waiting.line).join(''), 'utf8');
          const handle = this.handle!;
          let written = 0;
          while (written < bytes.length) {
            const result = await handle.write(bytes, written, bytes.length - written);
            written += result.bytesWritten;
          }
          await handle.datasync();
          this.synced += bytes.length;
          for (const waiting of batch) waiting.resolve();
          if (this.synced >= this.rotateBytes) await this.startNextSegment();
        } catch (error) {
          for (const waiting of batch) waiting.reject(error);
        }
      }
    } finally {
      this.writing = null;
    }
  }

  /** Closes the full segment and starts the next (between writes, so no line is split between two). */
  private async startNextSegment(): Promise<void> {
    const full = this.handle!;
    this.segment += 1;
    await this.openSegment();
    await full.close();
  }

  /** The next unshipped records, at most `limit`, in journal order. */
  async unshipped(limit: number): Promise<JournalRecord[]> {
    const records: JournalRecord[] = [];
    let position = { ...this.cursor };
    while (records.length < limit) {
      const end = position.segment === this.segment ? this.synced : this.sizeOf(position.segment);
      if (end === null || position.offset >= end) {
        if (position.segment >= this.segment) break;
        position = { segment: this.nextSegment(position.segment), offset: 0 };
        continue;
      }
      const length = Math.min(READ_CHUNK_BYTES, end - position.offset);
      const chunk = await this.read(position.segment, position.offset, length);
      const lastNewline = chunk.lastIndexOf(0x0a);
      if (lastNewline < 0) throw new Error(`audit journal line longer than ${READ_CHUNK_BYTES} bytes`);
      let start = 0;
      while (start <= lastNewline && records.length < limit) {
        const newline = chunk.indexOf(0x0a, start);
        const decoded = decode(chunk.subarray(start, newline).toString('utf8'));
        const lineEnd = { segment: position.segment, offset: position.offset + newline + 1 };
        if (typeof decoded === 'string')
          throw new Error(
            `audit journal ${segmentName(position.segment)} at byte ${position.offset + start}: ${decoded}`,
          );
        records.push({ entry: decoded, end: lineEnd });
        start = newline + 1;
      }
      position = { segment: position.segment, offset: position.offset + start };
    }
    return records;
  }

  /** Records shipped up to `position`: moves the cursor (on disk) and deletes the segments left behind. */
  shipped(position: JournalPosition): void {
    if (comparePositions(position, this.cursor) <= 0) return;
    const leftSegment = position.segment > this.cursor.segment;
    this.cursor = { ...position };
    const temporary = join(this.directory, `${CURSOR_FILE}.tmp`);
    writeFileSync(temporary, JSON.stringify(this.cursor));
    renameSync(temporary, join(this.directory, CURSOR_FILE));
    // Only when the cursor has moved on to a later segment is there one to delete.
    if (leftSegment)
      for (const segment of segmentsIn(this.directory))
        if (segment < this.cursor.segment) rmSync(this.path(segment), { force: true });
  }

  /** Bytes journaled and not yet shipped (of the current segment; whole earlier segments count in full). */
  pendingBytes(): number {
    if (this.cursor.segment === this.segment) return Math.max(0, this.synced - this.cursor.offset);
    let pending = this.synced;
    for (const segment of segmentsIn(this.directory))
      if (segment >= this.cursor.segment && segment < this.segment)
        pending += (this.sizeOf(segment) ?? 0) - (segment === this.cursor.segment ? this.cursor.offset : 0);
    return pending;
  }

  /** Whether every record written so far is shipped. */
  caughtUp(): boolean {
    if (this.cursor.segment === this.segment) return this.cursor.offset >= this.synced;
    // The cursor at the end of the segment before a fresh one.
    return (
      this.synced === 0 &&
      this.cursor.segment === this.segment - 1 &&
      this.cursor.offset >= (this.sizeOf(this.cursor.segment) ?? 0)
    );
  }

  private sizeOf(segment: number): number | null {
    try {
      return statSync(this.path(segment)).size;
    } catch {
      return null;
    }
  }

  private nextSegment(segment: number): number {
    return segmentsIn(this.directory).find((candidate) => candidate > segment) ?? this.segment;
  }

  // By path, never through the writer's handle, which moves to the next segment when one is full.
  private async read(segment: number, offset: number, length: number): Promise<Buffer> {
    const buffer = Buffer.alloc(length);
    const handle = await open(this.path(segment), 'r');
    try {
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async close(): Promise<void> {
    while (this.writing) await this.writing;
    this.closed = true;
    await this.handle?.close();
    this.handle = null;
  }
}
