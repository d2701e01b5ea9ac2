import { limitExceeded, type OperationLimits } from './operation-limits';

const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;

/**
 * Before a request body is parsed as JSON: how many values it can hold at most. Every value after the
 * first in an array or object needs a comma, every array or object a bracket, so counting those three
 * bytes bounds the values (commas inside strings count too, hence the allowance of twice the limit;
 * the exact count follows once the body is parsed). One pass over the bytes that stops at the
 * allowance: a body of millions of tiny values is refused before JSON.parse would spend its time on it.
 */
export function checkRawBody(body: Buffer, limits: Pick<OperationLimits, 'maxVariableValues'>): void {
  const allowance = 2 * limits.maxVariableValues + 16;
  let count = 0;
  for (let index = 0; index < body.length; index += 1) {
    const byte = body[index];
    if (byte === COMMA || byte === OPEN_BRACKET || byte === OPEN_BRACE) {
      count += 1;
      if (count > allowance) throw limitExceeded('maxVariableValues', limits.maxVariableValues, count);
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
