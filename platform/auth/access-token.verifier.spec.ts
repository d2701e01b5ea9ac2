import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { DomainError } from '../errors/domain-error';
import { AccessTokenVerifier } from './access-token.verifier';
import { signingKeyPair, startJwksEndpoint, type JwksEndpoint } from './jwks-endpoint.fixture';

// The verifier remembers tokens it verified (the gateway and every subgraph see the caller's token on
// every request), but never past what a fresh check would allow: expiry, a removed key, a changed byte.

const ISSUER = 'http://localhost/realms/transport';
const AUDIENCE = 'single-window-gateway';

async function realmKey(kid: string) {
  const { jwk, privateKey } = await signingKeyPair(kid);
  const sign = (nowSeconds: number, claims: Record<string, unknown> = {}) =>
    new SignJWT({
      typ: 'Bearer',
      azp: 'single-window-cli',
      preferred_username: 'js-licensing-officer',
      region: '320000',
      realm_access: { roles: ['licensing-officer'] },
      ...claims,
    })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('officer-1')
      .setIssuedAt(nowSeconds)
      .setExpirationTime(nowSeconds + 300)
      .sign(privateKey);
  return { jwk, sign };
}

describe('AccessTokenVerifier: verified tokens remembered, never beyond a fresh check', () => {
  let realm: JwksEndpoint;
  let clock: number;
  let first: Awaited<ReturnType<typeof realmKey>>;
  let second: Awaited<ReturnType<typeof realmKey>>;
  const verifier = () =>
    new AccessTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      jwksUrl: realm.url,
      jwksRefreshMs: 60_000,
      now: () => clock,
    });
  const seconds = () => Math.floor(clock / 1000);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  beforeAll(async () => {
    first = await realmKey('first');
    second = await realmKey('second');
    realm = await startJwksEndpoint();
  });

  afterAll(() => realm.close());

  beforeEach(() => {
    realm.keys = [first.jwk];
    realm.requests = 0;
    clock = Date.UTC(2026, 11, 2, 9, 0, 0);
  });

  it('answers the same token with the same identity', async () => {
    const tokens = verifier();
    const token = await first.sign(seconds());
    const identity = await tokens.verify(token);
    expect(identity).toMatchObject({ subject: 'officer-1', region: '320000', clientId: 'single-window-cli' });
    expect(await tokens.verify(token)).toBe(identity);
  });

  it('refuses a remembered token once it expires', async () => {
    const tokens = verifier();
    const token = await first.sign(seconds());
    await tokens.verify(token);
    clock += 306_000;
    await expect(tokens.verify(token)).rejects.toMatchObject({ message: 'Access token has expired' });
  });

  it('refuses a remembered token after its key was removed from the realm, at the next key refresh', async () => {
    const tokens = verifier();
    const token = await first.sign(seconds());
    await tokens.verify(token);
    realm.keys = [second.jwk];
    clock += 59_000;
    await expect(tokens.verify(token)).resolves.toBeDefined();
    clock += 1_000;
    // The first answer past the interval may still come from memory while the keys are fetched again;
    // from then on the token is checked against the new keys.
    let refused = false;
    for (let attempt = 0; attempt < 40 && !refused; attempt += 1) {
      refused = await tokens.verify(token).then(
        () => false,
        (error: unknown) => error instanceof DomainError,
      );
      if (!refused) await settle();
    }
    expect(refused).toBe(true);
    expect(realm.requests).toBeGreaterThanOrEqual(2);
  });

  it('still refuses a token whose payload was changed after a genuine one was remembered', async () => {
    const tokens = verifier();
    const genuine = await first.sign(seconds());
    await tokens.verify(genuine);
    const [header, payload, signature] = genuine.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const altered = Buffer.from(JSON.stringify({ ...claims, region: '000000' })).toString('base64url');
    await expect(tokens.verify(`${header}.${altered}.${signature}`)).rejects.toMatchObject({
      message: 'Access token is not valid',
    });
  });

  it('forgets the least recently used token beyond its size', async () => {
    const tokens = new AccessTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      jwksUrl: realm.url,
      verifiedTokenCacheSize: 2,
      now: () => clock,
    });
    const [a, b, c] = await Promise.all([first.sign(seconds()), first.sign(seconds() + 1), first.sign(seconds() + 2)]);
    const identityA = await tokens.verify(a);
    await tokens.verify(b);
    await tokens.verify(c);
    // a was the least recently used: verified afresh, a new identity object.
    expect(await tokens.verify(a)).not.toBe(identityA);
    expect(await tokens.verify(a)).toEqual(identityA);
  });
});
