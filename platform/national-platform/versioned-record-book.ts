import { isDeepStrictEqual } from 'node:util';
import type { SimulatorAnswer } from './platform-simulator';

// What a simulated national platform keeps of the versioned records pushed to it (development and tests
// only): each record's versions applied once and in order, a repeated version answered with its first
// receipt, another body under an applied version refused, and counts of every answer, for the
// simulators' `/received-*` routes. The credit and safety platform simulators share it.

/** One version as the platform applied it. */
export interface AppliedVersion<TBody> {
  body: TBody;
  receiptNumber: string;
  receivedAt: string;
}

/** What the platform holds for one record. */
export interface RecordHistory<TBody> {
  applied: Array<AppliedVersion<TBody>>;
  /** Every push of the record that got an answer from the platform, duplicates included. */
  deliveries: number;
  /** Pushes of a version already applied with the same body (retries after a lost answer). */
  duplicates: number;
  /** Pushes refused because an earlier version had not arrived (409). */
  outOfOrderRefused: number;
  /** Pushes refused for good (422: another body under an applied version, or a payload refused). */
  refused: number;
}

export class VersionedRecordBook<TBody extends { version: number }> {
  private readonly records = new Map<string, RecordHistory<TBody>>();
  private receipts = 0;

  /** `receiptPrefix` starts every receipt number, followed by the day (YYYYMMDD) and a counter of 8 digits. */
  constructor(private readonly receiptPrefix: string) {}

  /**
   * Applies `body` as the next version of the record `key`, or answers why not. `receipt` builds the
   * success body; `refusal` is why the payload is refused (checked only for a new next version).
   */
  receive(
    key: string,
    body: TBody,
    receipt: (status: 'ACCEPTED' | 'DUPLICATE', receiptNumber: string) => unknown,
    refusal: () => string | string[] | null = () => null,
  ): SimulatorAnswer {
    const history = this.records.get(key) ?? {
      applied: [],
      deliveries: 0,
      duplicates: 0,
      outOfOrderRefused: 0,
      refused: 0,
    };
    this.records.set(key, history);
    history.deliveries += 1;
    const earlier = history.applied.find((applied) => applied.body.version === body.version);
    if (earlier) {
      if (!isDeepStrictEqual(earlier.body, body)) {
        history.refused += 1;
        return {
          status: 422,
          body: { status: 'REFUSED', error: `another body was received for version ${body.version}` },
        };
      }
      history.duplicates += 1;
      return { status: 200, body: receipt('DUPLICATE', earlier.receiptNumber) };
    }
    const expectedVersion = history.applied.length + 1;
    if (body.version !== expectedVersion) {
      history.outOfOrderRefused += 1;
      return { status: 409, body: { status: 'OUT_OF_ORDER', expectedVersion } };
    }
    const refused = refusal();
    if (refused !== null) {
      history.refused += 1;
      return { status: 422, body: { status: 'REFUSED', error: refused } };
    }
    this.receipts += 1;
    const now = new Date().toISOString();
    const receiptNumber = `${this.receiptPrefix}${now.slice(0, 10).replace(/-/g, '')}${String(this.receipts).padStart(8, '0')}`;
    history.applied.push({ body, receiptNumber, receivedAt: now });
    return { status: 201, body: receipt('ACCEPTED', receiptNumber) };
  }

  /** Every record received, by its key, in the order first pushed. */
  histories(): Array<[key: string, history: RecordHistory<TBody>]> {
    return [...this.records.entries()];
  }

  /** Totals only, for a large run. */
  totals() {
    let versions = 0;
    let duplicates = 0;
    let outOfOrderRefused = 0;
    for (const history of this.records.values()) {
      versions += history.applied.length;
      duplicates += history.duplicates;
      outOfOrderRefused += history.outOfOrderRefused;
    }
    return { records: this.records.size, versions, duplicates, outOfOrderRefused };
  }
}
