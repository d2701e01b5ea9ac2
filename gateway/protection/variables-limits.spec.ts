import { GraphQLError } from 'graphql';
import { checkRawBody, checkVariables } from './variables-limits';

const LIMITS = { maxVariablesBytes: 1000, maxVariableValues: 100 };

function refusal(check: () => void) {
  try {
    check();
    return null;
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error;
    return error.extensions;
  }
}

describe('variables limits', () => {
  it('counts the values in a raw body before it is parsed, and stops at the allowance', () => {
    const body = (values: number) =>
      Buffer.from(JSON.stringify({ query: '{ a }', variables: { v: Array(values).fill(0) } }));
    expect(refusal(() => checkRawBody(body(150), LIMITS))).toBeNull();
    expect(refusal(() => checkRawBody(body(1_000_000), LIMITS))).toMatchObject({
      code: 'OPERATION_LIMIT_EXCEEDED',
      limit: 'variable values',
      setting: 'GATEWAY_MAX_VARIABLE_VALUES',
      actual: 217,
    });
    expect(refusal(() => checkRawBody(Buffer.from('['.repeat(100_000)), LIMITS))).toMatchObject({
      limit: 'variable values',
    });
    // A long string (an attachment in base64) has no commas or brackets to count.
    expect(refusal(() => checkRawBody(Buffer.from(JSON.stringify({ v: 'QUJD'.repeat(100_000) })), LIMITS))).toBeNull();
  });

  it('measures the variables as sent in the raw body, before it is decoded or parsed, and stops at the limit', () => {
    const body = (variables: unknown, extra: Record<string, unknown> = {}) =>
      Buffer.from(JSON.stringify({ query: '{ a }', ...extra, variables }));
    expect(refusal(() => checkRawBody(body({ text: 'x'.repeat(900) }), LIMITS))).toBeNull();
    expect(refusal(() => checkRawBody(body({ text: 'x'.repeat(8 * 1024 * 1024) }), LIMITS))).toMatchObject({
      code: 'OPERATION_LIMIT_EXCEEDED',
      limit: 'variables size',
      setting: 'GATEWAY_MAX_VARIABLES_BYTES',
      actual: 1001,
    });
    // The key however it is written, wherever it stands among the others.
    const escapedKey = Buffer.from(`{"variabl\\u0065s": {"text": "${'x'.repeat(2000)}"}, "query": "{ a }"}`);
    expect(refusal(() => checkRawBody(escapedKey, LIMITS))).toMatchObject({ limit: 'variables size' });
    // Only the top-level variables count: not a key of that name inside them, nor text that looks like one.
    expect(refusal(() => checkRawBody(body({ variables: 'x'.repeat(900) }), LIMITS))).toBeNull();
    const lookalike = {
      query: `{ a } # "variables": ${'x'.repeat(2000)}`,
      extensions: { variables: 'y'.repeat(2000) },
    };
    expect(refusal(() => checkRawBody(body({}, lookalike), LIMITS))).toBeNull();
  });

  it('refuses variables larger than allowed, in bytes of UTF-8', () => {
    expect(refusal(() => checkVariables({ text: 'x'.repeat(900) }, LIMITS))).toBeNull();
    expect(refusal(() => checkVariables({ text: '运'.repeat(400) }, LIMITS))).toMatchObject({
      limit: 'variables size',
      setting: 'GATEWAY_MAX_VARIABLES_BYTES',
    });
  });

  it('refuses more values than allowed, however they nest, without exhausting the stack', () => {
    expect(refusal(() => checkVariables({ list: Array(98).fill(1) }, LIMITS))).toBeNull();
    expect(refusal(() => checkVariables({ list: Array(1_000_000).fill(1) }, LIMITS))).toMatchObject({
      limit: 'variable values',
      actual: 101,
    });
    let nested: unknown = 1;
    for (let level = 0; level < 200_000; level += 1) nested = [nested];
    expect(refusal(() => checkVariables({ nested }, { ...LIMITS, maxVariableValues: 1_000_000 }))).toMatchObject({
      limit: 'variables size',
    });
    expect(refusal(() => checkVariables(undefined, LIMITS))).toBeNull();
  });
});
