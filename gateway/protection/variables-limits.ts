import { limitExceeded, type OperationLimits } from './operation-limits';

const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;
// A top-level key longer than this (escapes included) cannot spell "variables".
const MAX_KEY_BYTES = 64;

/** A top-level key as JSON.parse would read it (escapes decoded), or null when it is not one we look for. */
function keyAt(body: Buffer, start: number, end: number): string | null {
  if (end - start > MAX_KEY_BYTES) return null;
  const raw = body.toString('utf8', start, end + 1);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return null;
  }
}

/**
 * Before a request body is parsed as JSON, in one pass over its bytes that stops at the first limit
 * passed:
 * - how many values it can hold at most: every value after the first in an array or object needs a
 *   comma, every array or object a bracket, so counting those three bytes outside strings bounds the
 *   values (keys count too, hence the allowance of twice the limit; the exact count follows once the
 *   body is parsed);
 * - the size of the variables as sent: the bytes of the top-level `variables` value.
 * A body of millions of tiny values or megabytes of variables is refused before decoding and JSON.parse
 * would spend their time on it (about 60 ms for 7 MiB here).
 */
export function checkRawBody(
  body: Buffer,
  limits: Pick<OperationLimits, 'maxVariableValues' | 'maxVariablesBytes'>,
): void {
  const allowance = 2 * limits.maxVariableValues + 16;
  const maxVariablesBytes = limits.maxVariablesBytes;
  let count = 0;
  let depth = 0;
  let inString = false;
  let stringStart = -1;
  let lastKey: string | null = null;
  let variablesStart = -1;
  for (let index = 0; index < body.length; index += 1) {
    const byte = body[index];
    if (variablesStart >= 0 && index - variablesStart > maxVariablesBytes)
      throw limitExceeded('maxVariablesBytes', maxVariablesBytes, index - variablesStart);
    if (inString) {
      if (byte === BACKSLASH) index += 1;
      else if (byte === QUOTE) {
        inString = false;
        if (depth === 1 && variablesStart < 0) lastKey = keyAt(body, stringStart, index);
      }
      continue;
    }
    if (byte === QUOTE) {
      inString = true;
      stringStart = index;
    } else if (byte === COMMA || byte === OPEN_BRACKET || byte === OPEN_BRACE) {
      count += 1;
      if (count > allowance) throw limitExceeded('maxVariableValues', limits.maxVariableValues, count);
      if (byte === COMMA && depth === 1) {
        variablesStart = -1;
        lastKey = null;
      } else if (byte !== COMMA) depth += 1;
    } else if (byte === CLOSE_BRACKET || byte === CLOSE_BRACE) {
      depth -= 1;
      if (depth === 0) variablesStart = -1;
    } else if (byte === COLON && depth === 1 && lastKey === 'variables') {
      variablesStart = index + 1;
      lastKey = null;
    }
  }
}

/** The variables' size in bytes (as JSON, roughly) and their number of values, stopping at the first limit passed. */
export function checkVariables(
  variables: unknown,
  limits: Pick<OperationLimits, 'maxVariablesBytes' | 'maxVariableValues'>,
): void {
  let bytes = 0;
  let values = 1;
  const add = (size: number) => {
    bytes += size;
    if (bytes > limits.maxVariablesBytes) throw limitExceeded('maxVariablesBytes', limits.maxVariablesBytes, bytes);
  };
  const queue = (item: unknown) => {
    values += 1;
    if (values > limits.maxVariableValues) throw limitExceeded('maxVariableValues', limits.maxVariableValues, values);
    pending.push(item);
  };
  // Iterative, so a deeply nested value cannot exhaust the stack.
  const pending: unknown[] = [variables];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') add(Buffer.byteLength(value, 'utf8') + 3);
    else if (Array.isArray(value)) {
      add(2);
      for (const item of value) queue(item);
    } else if (value !== null && typeof value === 'object') {
      add(2);
      for (const key in value) {
        add(Buffer.byteLength(key, 'utf8') + 4);
        queue((value as Record<string, unknown>)[key]);
      }
    } else add(String(value).length + 1);
  }
}
