import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, type KeyLike } from 'jose';

// For the specs of the realm's keys: a JWKS endpoint on a free port that can rotate, drop keys and go
// down, and counts the requests it gets; and RSA signing keys to put in it.

export interface JwksEndpoint {
  url: string;
  keys: JWK[];
  /** While true, every request's connection is dropped. */
  down: boolean;
  requests: number;
  close(): Promise<void>;
}

export async function startJwksEndpoint(): Promise<JwksEndpoint> {
  const server = createServer((request, response) => {
    endpoint.requests += 1;
    if (endpoint.down) {
      request.socket.destroy();
      return;
    }
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys: endpoint.keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint: JwksEndpoint = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`,
    keys: [],
    down: false,
    requests: 0,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return endpoint;
}

/** An RS256 key pair: its public JWK (with `kid`) for the endpoint, its private key to sign with. */
export async function signingKeyPair(kid: string): Promise<{ kid: string; jwk: JWK; privateKey: KeyLike }> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  return { kid, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }, privateKey };
}
