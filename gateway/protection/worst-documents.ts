/**
 * The largest and most expensive requests of each kind an attacker can build against the gateway's
 * limits: used by the tests (each must be refused, naming its limit) and by `npm run bench:limits`
 * (which reports the gateway's CPU per refusal).
 */
export interface WorstRequest {
  /** The limit it must be refused by (`extensions.limit`). */
  limit: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Sent as is instead of the JSON of query and variables (a body JSON.parse would spend long on). */
  rawBody?: string;
}

function repeat(count: number, item: (index: number) => string, separator = ' '): string {
  return Array.from({ length: count }, (_, index) => item(index)).join(separator);
}

/** 22 fragments, each spreading the next twice: 900 bytes that expand to four million selections. */
export function fragmentBomb(levels = 22, leaf = 'a: __typename'): string {
  const fragments = repeat(
    levels,
    (index) => `fragment F${index} on Query { ...F${index + 1} ...F${index + 1} }`,
    '\n',
  );
  return `query Bomb { ...F0 }\n${fragments}\nfragment F${levels} on Query { ${leaf} }`;
}

export function worstRequests(): WorstRequest[] {
  const eightMiB = 8 * 1024 * 1024 - 64;
  return [
    // 100,000 aliases of an introspection field (1.9 MB): refused by its size before it is read.
    { limit: 'document size', query: `{ ${repeat(100_000, (index) => `a${index}: __typename`)} }` },
    // The same within the default size limit (32 KiB): as many aliases as fit.
    { limit: 'token count', query: `{ ${repeat(1_900, (index) => `a${index}:__typename`)} }` },
    // One-byte tokens: the most tokens a size-limited document can hold.
    { limit: 'token count', query: `{ enterprises(first: [${repeat(16_000, () => '1', ',')}]) { totalCount } }` },
    { limit: 'alias count', query: `{ ${repeat(300, (index) => `a${index}: __typename`)} }` },
    { limit: 'alias count', query: fragmentBomb() },
    { limit: 'cost', query: fragmentBomb(22, '__typename') },
    {
      limit: 'depth',
      query: `{ enterprise(creditCode: "x") { ${'permits(first: 1) { edges { node { holder { '.repeat(55)}name${' } } } }'.repeat(55)} } }`,
    },
    {
      limit: 'cost',
      query: `query ($n: Int) { enterprises(first: $n) { edges { node { permits(first: $n) { edges { node { holder { permits(first: $n) { totalCount } } } } } } } } }`,
      variables: { n: 1e300 },
    },
    { limit: 'operation count', query: repeat(190, (index) => `query Q${index} { __typename }`) },
    {
      limit: 'fragment count',
      query: `{ ...F0 } ${repeat(130, (index) => `fragment F${index} on Query { __typename }`)}`,
    },
    { limit: 'directives per field', query: `{ __typename ${'@skip(if: false) '.repeat(140)}}` },
    // 8 MiB of one string, no commas to count: refused by the variables' bytes once parsed.
    { limit: 'variables size', query: '{ __typename }', variables: { text: 'x'.repeat(eightMiB - 100) } },
    // Four million one-byte values: refused before the body is parsed.
    {
      limit: 'variable values',
      query: '{ __typename }',
      rawBody: `{"query":"{ __typename }","variables":{"values":[${'0,'.repeat(eightMiB / 2 - 64)}0]}}`,
    },
    // Nested arrays, the JSON that costs most to parse per byte.
    {
      limit: 'variable values',
      query: '{ __typename }',
      rawBody: `{"query":"{ __typename }","variables":{"nested":${'['.repeat(eightMiB / 2 - 64)}${']'.repeat(eightMiB / 2 - 64)}}}`,
    },
  ];
}
