import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { readState } from './harness/harness-state';
import { graphql, issuerUrl, serviceUrl, tokenFor } from './harness/single-window.client';

const SMALL_QUERY = `{ enterprises(first: 1) { totalCount } }`;

/** Signs claims with the realm's real key, so only the claim under test differs from a genuine token. */
async function signWithRealmKey(claims: Record<string, unknown>): Promise<string> {
  const stored = JSON.parse(readFileSync(join(readState().dataDirectory, 'idp-signing-key.json'), 'utf8')) as
    JWK | { keys: JWK[] };
  const jwk = 'keys' in stored ? stored.keys[0] : stored;
  const key = await importJWK(jwk, 'RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' }).sign(key);
}

async function genuineClaims(): Promise<Record<string, unknown>> {
  return decodeJwt(await tokenFor('ministry-admin'));
}

function expectUnauthenticated(result: {
  status: number;
  data: unknown;
  errors?: Array<{ extensions?: { code?: string } }>;
}): void {
  expect(result.status).toBe(401);
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
}

describe('sign-in at the gateway', () => {
  it('accepts a real token from the realm', async () => {
    const result = await graphql(SMALL_QUERY, {}, { token: await tokenFor('ministry-admin') });
    expect(result.errors).toBeUndefined();
    expect(result.status).toBe(200);
  });

  it('refuses a request without a token', async () => {
    expectUnauthenticated(await graphql(SMALL_QUERY));
  });

  it('refuses a token whose payload was altered after signing', async () => {
    const [header, payload, signature] = (await tokenFor('js-licensing-officer')).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const altered = Buffer.from(JSON.stringify({ ...claims, region: '000000' })).toString('base64url');
    expectUnauthenticated(await graphql(SMALL_QUERY, {}, { token: `${header}.${altered}.${signature}` }));
  });

  it('refuses a token signed by another key under the realm key id', async () => {
    const genuine = await tokenFor('ministry-admin');
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(decodeJwt(genuine))
      .setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(genuine).kid })
      .sign(privateKey);
    expectUnauthenticated(await graphql(SMALL_QUERY, {}, { token: forged }));
  });

  it('refuses an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await signWithRealmKey({ ...(await genuineClaims()), iat: now - 900, exp: now - 600 });
    const result = await graphql(SMALL_QUERY, {}, { token });
    expectUnauthenticated(result);
    expect(result.errors?.[0]?.message).toMatch(/expired/);
  });

  it('refuses a token from another issuer', async () => {
    const token = await signWithRealmKey({ ...(await genuineClaims()), iss: 'http://localhost:9999/realms/other' });
    expectUnauthenticated(await graphql(SMALL_QUERY, {}, { token }));
  });

  it('refuses a token issued for another audience', async () => {
    const token = await signWithRealmKey({ ...(await genuineClaims()), aud: 'some-other-service' });
    expectUnauthenticated(await graphql(SMALL_QUERY, {}, { token }));
  });

  it('publishes the realm discovery document at Keycloak paths', async () => {
    const discovery = (await (await fetch(`${issuerUrl()}/.well-known/openid-configuration`)).json()) as Record<
      string,
      string
    >;
    expect(discovery.issuer).toBe(issuerUrl());
    expect(discovery.jwks_uri).toBe(`${issuerUrl()}/protocol/openid-connect/certs`);
    expect(discovery.token_endpoint).toBe(`${issuerUrl()}/protocol/openid-connect/token`);
  });
});

describe('the subgraphs behind the gateway', () => {
  it('refuse a direct call without the gateway credential, even with a valid token', async () => {
    const token = await tokenFor('ministry-admin');
    const direct = await graphql(SMALL_QUERY, {}, { token, url: `${serviceUrl('licensing')}/graphql` });
    expect(direct.status).toBe(401);
    expect(direct.data ?? null).toBeNull();
    const guessed = await graphql(
      SMALL_QUERY,
      {},
      { token, url: `${serviceUrl('licensing')}/graphql`, headers: { 'x-gateway-secret': 'guess' } },
    );
    expect(guessed.status).toBe(401);
  });

  it('ignore identity headers a client sends to the gateway', async () => {
    const token = await tokenFor('js-safety-officer');
    const result = await graphql(
      `
        mutation {
          registerEnterprise(
            input: {
              creditCode: "91320102MA1MY0R10Q"
              name: "x"
              legalRepresentative: "x"
              regionCode: "320102"
              address: "x"
            }
          ) {
            enterprise {
              name
            }
          }
        }
      `,
      {},
      {
        token,
        headers: {
          'x-gateway-secret': 'dev-only-licensing-gateway-secret',
          'x-user-roles': 'licensing-officer',
          'x-region': '000000',
        },
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
