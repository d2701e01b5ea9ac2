/**
 * A national platform could not be reached, timed out, failed, refused our credentials or answered outside
 * its contract: the outcome is unknown, so the delivery is tried again later. Each platform's adapter
 * throws its own subclass, whose message officers read in the delivery's lastError.
 */
export class NationalPlatformUnavailable extends Error {}
