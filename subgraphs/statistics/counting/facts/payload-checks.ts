/**
 * A mapper's refusal of a payload that breaks its type's promise: the counting service catches it and
 * leaves the whole event uncounted (logged), as it does for a fact that cannot be counted.
 */
export function notAsPromised(problem: string): Error {
  return new TypeError(problem);
}
