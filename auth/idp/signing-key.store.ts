import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

/** A private RS256 signing key as a JWK, with `kid`, `alg` and `use` set. */
export type SigningJwk = JWK & { kid: string; kty: 'RSA'; d: string };

function isSigningJwk(value: unknown): value is SigningJwk {
  if (typeof value !== 'object' || value === null) return false;
  const jwk = value as Record<string, unknown>;
  return jwk.kty === 'RSA' && typeof jwk.d === 'string' && typeof jwk.n === 'string' && typeof jwk.kid === 'string';
}

function readKey(file: string): SigningJwk | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    throw new Error(`the signing key file ${file} is not JSON; remove it to let a new key be generated`);
  }
  // Accept a bare JWK or a JWK set, as the tests and other tools read both.
  const jwk =
    typeof stored === 'object' && stored !== null && 'keys' in stored
      ? (stored as { keys: unknown[] }).keys[0]
      : stored;
  if (!isSigningJwk(jwk)) throw new Error(`the signing key file ${file} does not hold a private RSA JWK with a kid`);
  return jwk;
}

/**
 * The realm's RS256 signing key: read from `file`, or generated and written there (mode 0600) on the
 * first start, so tokens and cached JWKS stay valid across restarts.
 */
export async function loadOrCreateSigningKey(file: string): Promise<SigningJwk> {
  const existing = readKey(file);
  if (existing) return { ...existing, alg: 'RS256', use: 'sig' };

  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const exported = await exportJWK(privateKey);
  const jwk = { ...exported, kid: await calculateJwkThumbprint(exported), alg: 'RS256', use: 'sig' } as SigningJwk;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    // `wx`: if another process wrote a key meanwhile, keep theirs rather than replace it.
    writeFileSync(file, `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = readKey(file);
    if (winner) return { ...winner, alg: 'RS256', use: 'sig' };
  }
  return jwk;
}
