/** How far one export has got, as its caller reads it on /exports/statistics/progress. */
export interface ExportProgressView {
  requestId: string;
  rowsTotal: number;
  rowsWritten: number;
  /** RUNNING, DONE (every row written) or BROKEN (cut short: the caller went away or a read failed). */
  state: 'RUNNING' | 'DONE' | 'BROKEN';
}

interface Entry extends ExportProgressView {
  subject: string;
  endedAt: number | null;
}

/** How long a finished export's progress can still be read. */
const KEPT_MS = 10 * 60_000;
/** Exports followed at once; the oldest finished ones are forgotten first. */
const MAX_ENTRIES = 1_000;

/**
 * The exports this process is writing, by the gateway's request id, readable by the caller who asked
 * for them only. In memory: with several statistics processes behind a balancer, a progress request
 * must reach the process writing the file (sticky by request id) or it reads NOT_FOUND.
 */
export class ExportProgress {
  private readonly entries = new Map<string, Entry>();

  start(requestId: string, subject: string, rowsTotal: number): Entry {
    this.prune(Date.now());
    const entry: Entry = { requestId, subject, rowsTotal, rowsWritten: 0, state: 'RUNNING', endedAt: null };
    this.entries.set(requestId, entry);
    return entry;
  }

  end(entry: Entry, state: 'DONE' | 'BROKEN'): void {
    entry.state = state;
    entry.endedAt = Date.now();
  }

  /** The export's progress, or null when there is none of this caller's under that id. */
  read(requestId: string, subject: string): ExportProgressView | null {
    const entry = this.entries.get(requestId);
    if (!entry || entry.subject !== subject) return null;
    const { rowsTotal, rowsWritten, state } = entry;
    return { requestId, rowsTotal, rowsWritten, state };
  }

  private prune(now: number): void {
    for (const [requestId, entry] of this.entries) {
      if (entry.endedAt !== null && (now - entry.endedAt > KEPT_MS || this.entries.size >= MAX_ENTRIES))
        this.entries.delete(requestId);
    }
  }
}
