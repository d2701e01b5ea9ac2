/**
 * The event ids a replay has seen, 64 bits of each UUID in an open-addressing table of 32-bit pairs:
 * about 16 bytes an id at most, where a Set of strings takes over 100 (10,000,000 events: ~270 MB
 * against well over 1 GB). Two ids agreeing in those 64 random bits is a 1 in 10^5 chance over 10^7 ids.
 */
export class EventIdSet {
  private high: Uint32Array;
  private low: Uint32Array;
  private used: Uint8Array;
  private count = 0;

  constructor(initialCapacity = 1 << 16) {
    let capacity = 1 << 4;
    while (capacity < initialCapacity) capacity <<= 1;
    this.high = new Uint32Array(capacity);
    this.low = new Uint32Array(capacity);
    this.used = new Uint8Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Adds the id; false when it was there already. */
  add(eventId: string): boolean {
    const hex = eventId.replace(/-/g, '');
    if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not an event id: ${eventId}`);
    const high = Number.parseInt(hex.slice(0, 8), 16) >>> 0;
    const low = Number.parseInt(hex.slice(24), 16) >>> 0;
    if ((this.count + 1) * 10 > this.used.length * 7) this.grow();
    const added = this.insert(high, low);
    if (added) this.count += 1;
    return added;
  }

  private insert(high: number, low: number): boolean {
    const mask = this.used.length - 1;
    // UUID v4 bits are random: the low word spreads the slots by itself.
    for (let slot = (low ^ Math.imul(high, 0x9e3779b1)) & mask; ; slot = (slot + 1) & mask) {
      if (!this.used[slot]) {
        this.used[slot] = 1;
        this.high[slot] = high;
        this.low[slot] = low;
        return true;
      }
      if (this.high[slot] === high && this.low[slot] === low) return false;
    }
  }

  private grow(): void {
    const { high, low, used } = this;
    this.high = new Uint32Array(used.length * 2);
    this.low = new Uint32Array(used.length * 2);
    this.used = new Uint8Array(used.length * 2);
    for (let slot = 0; slot < used.length; slot += 1) if (used[slot]) this.insert(high[slot], low[slot]);
  }
}
