import { gatewayUrl, graphql, restartServiceWith, tokenFor } from './harness/single-window.client';

describe('gateway protection', () => {
  it('refuses a query nested deeper than the limit, naming the limit, before any subgraph runs it', async () => {
    const token = await tokenFor('ministry-admin');
    const nested = 'holder { permits(first: 1) { edges { node { '.repeat(3);
    const result = await graphql(
      `{ enterprise(creditCode: "91320102MA1MY0R10Q") { permits(first: 1) { edges { node { ${nested} number ${' } } } }'.repeat(3)} } } } } }`,
      {},
      { token },
    );
    expect(result.status).toBe(400);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'depth' });
    expect(result.errors?.[0]?.message).toMatch(/GATEWAY_MAX_DEPTH/);
  });

  it('refuses an operation that would return too many rows at once (query cost)', async () => {
    const token = await tokenFor('ministry-admin');
    const result = await graphql(
      `
        query ($first: Int) {
          enterprises(first: $first) {
            edges {
              node {
                permits(first: 100) {
                  edges {
                    node {
                      number
                      kind
                      status
                      validUntil
                      holder {
                        name
                      }
                    }
                  }
                }
              }
            }
          }
        }
      `,
      { first: 100 },
      { token },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'cost' });
  });

  it('refuses an operation with too many aliases', async () => {
    const token = await tokenFor('ministry-admin');
    const aliases = Array.from({ length: 25 }, (_, index) => `a${index}: enterprises(first: 1) { totalCount }`).join(
      ' ',
    );
    const result = await graphql(`{ ${aliases} }`, {}, { token });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'alias count' });
  });

  it('refuses a caller over the rate limit with 429 and a Retry-After, without affecting other callers', async () => {
    // The gateway restarted with 60 requests a minute per caller (a burst of 60, one more a second), so
    // the limit is reached however fast this machine serves; this officer is used by no other test.
    await restartServiceWith('gateway', { GATEWAY_RATE_LIMIT_PER_MINUTE: '60' });
    try {
      const token = await tokenFor('zj-enforcement-officer');
      const send = () =>
        fetch(`${gatewayUrl()}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ enterprises(first: 1) { totalCount } }' }),
        });
      let allowed = 0;
      let refusal: Response | undefined;
      const started = Date.now();
      for (let batch = 0; batch < 20 && !refusal; batch += 1) {
        const responses = await Promise.all(Array.from({ length: 20 }, send));
        allowed += responses.filter((response) => response.status === 200).length;
        refusal = responses.find((response) => response.status === 429);
      }
      const refilled = Math.ceil((Date.now() - started) / 1000);
      expect(refusal).toBeDefined();
      expect(allowed).toBeGreaterThanOrEqual(60);
      expect(allowed).toBeLessThanOrEqual(60 + refilled);
      expect(Number(refusal!.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await refusal!.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
      const other = await graphql(
        `
          {
            enterprises(first: 1) {
              totalCount
            }
          }
        `,
        {},
        { token: await tokenFor('ministry-admin') },
      );
      expect(other.status).toBe(200);
    } finally {
      // The harness's limit again, for the tests after this one.
      await restartServiceWith('gateway', {});
    }
  }, 120_000);

  it('masks internal failures and never sends a stack trace', async () => {
    const token = await tokenFor('ministry-admin');
    const result = await graphql(
      `
        {
          enterprise(creditCode: 12) {
            name
          }
        }
      `,
      {},
      { token },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|\.js:\d+/);
  });
});
