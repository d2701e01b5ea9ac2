// Checks of the payload fields a mapper turns into dimension values or amounts. A mapper throws on a
// payload that is not what its type promises; the counting then leaves the whole event uncounted and
// logs it (event-counting.service.ts countableFacts).

/**
 * A mapper's refusal of a payload that breaks its type's promise: the counting service catches it and
 * leaves the whole event uncounted (logged), as it does for a fact that cannot be counted.
 */
export function notAsPromised(problem: string): Error {
  return new TypeError(problem);
}

/** A non-empty code of at most 40 characters (permit kind, station, region), as a dimension value. */
export function dimensionCode(field: string, value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]{1,40}$/.test(value)) throw notAsPromised(`${field} is not a code`);
  return value;
}

/** A whole number of at least 0. */
export function wholeCount(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    throw notAsPromised(`${field} is not a whole number of at least 0`);
  return value;
}

/** A flag of the payload. */
export function trueOrFalse(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw notAsPromised(`${field} is not true or false`);
  return value;
}
