import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { jwtVerify, SignJWT } from 'jose';
import { signingKeyPair, startJwksEndpoint, type JwksEndpoint } from './jwks-endpoint.fixture';
import { RealmKeySet, RealmKeysUnavailable } from './realm-key-set';

async function signingKey(kid: string) {
  const { jwk, privateKey } = await signingKeyPair(kid);
  const sign = () =>
    new SignJWT({ typ: 'Bearer' })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
  return { jwk, sign };
}

describe('RealmKeySet: the realm keys a token is checked against', () => {
  let realm: JwksEndpoint;
  let clock: number;
  let first: Awaited<ReturnType<typeof signingKey>>;
  let second: Awaited<ReturnType<typeof signingKey>>;

  const keySet = (refreshIntervalMs = 60_000, cooldownMs = 10_000) =>
    new RealmKeySet({ url: realm.url, refreshIntervalMs, cooldownMs, timeoutMs: 2_000, now: () => clock });
  const verify = (keys: RealmKeySet, token: string) => jwtVerify(token, keys.getKey, { algorithms: ['RS256'] });

  beforeAll(async () => {
    first = await signingKey('first');
    second = await signingKey('second');
    realm = await startJwksEndpoint();
  });

  afterAll(() => realm.close());

  beforeEach(() => {
    Object.assign(realm, { keys: [first.jwk], down: false, requests: 0 });
    clock = 1_000_000;
  });

  it('fetches the keys once and verifies many tokens with them', async () => {
    const keys = keySet();
    for (let i = 0; i < 5; i += 1) await expect(verify(keys, await first.sign())).resolves.toBeDefined();
    expect(realm.requests).toBe(1);
  });

  it('accepts a newly rotated key at once, without waiting for the refresh', async () => {
    const keys = keySet();
    await verify(keys, await first.sign());
    realm.keys = [second.jwk, first.jwk];
    clock += 10_000;
    await expect(verify(keys, await second.sign())).resolves.toBeDefined();
    expect(realm.requests).toBe(2);
  });

  it('refuses a removed key after the refresh interval, not before', async () => {
    const keys = keySet(60_000);
    const oldToken = await first.sign();
    await verify(keys, oldToken);
    realm.keys = [second.jwk];
    clock += 59_000;
    await expect(verify(keys, oldToken)).resolves.toBeDefined();
    clock += 1_000;
    await expect(verify(keys, oldToken)).rejects.toThrow(/no applicable key/i);
  });

  it('keeps the keys it has while the provider is down, so issued tokens keep working', async () => {
    const keys = keySet(60_000, 10_000);
    const token = await first.sign();
    await verify(keys, token);
    realm.down = true;
    clock += 120_000;
    await expect(verify(keys, token)).resolves.toBeDefined();
    const afterFailure = realm.requests;
    // Within the cooldown nobody waits for a provider that is down.
    clock += 5_000;
    await expect(verify(keys, token)).resolves.toBeDefined();
    expect(realm.requests).toBe(afterFailure);
    // It tries again after the cooldown and picks up a rotation once the provider is back.
    realm.down = false;
    realm.keys = [second.jwk];
    clock += 10_000;
    await expect(verify(keys, token)).rejects.toThrow(/no applicable key/i);
  });

  it('says the provider is unavailable when no keys were ever fetched', async () => {
    realm.down = true;
    await expect(verify(keySet(), await first.sign())).rejects.toBeInstanceOf(RealmKeysUnavailable);
  });

  it('does not let unknown key ids make it fetch more than once per cooldown', async () => {
    const keys = keySet(60_000, 10_000);
    await verify(keys, await first.sign());
    const forged = await (await signingKey('forged')).sign();
    for (let i = 0; i < 20; i += 1) await expect(verify(keys, forged)).rejects.toThrow(/no applicable key/i);
    expect(realm.requests).toBe(1);
    clock += 10_000;
    await expect(verify(keys, forged)).rejects.toThrow(/no applicable key/i);
    expect(realm.requests).toBe(2);
  });

  it('shares one fetch between concurrent first requests', async () => {
    const keys = keySet();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => first.sign()));
    await Promise.all(tokens.map((token) => verify(keys, token)));
    expect(realm.requests).toBe(1);
  });
});
