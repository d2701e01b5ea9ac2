import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import type { HarnessState } from '../test/harness/harness-state';
import { freePort, spawnService, stopProcess } from '../test/harness/service-processes';
import { passwordGrant } from '../test/harness/single-window.client';
import type { LoadTarget, MixRequest } from './gateway-load';

// The gateways `npm run bench:gateways` compares beside ours, each its own process on the subgraphs the
// harness started; the callers' tokens; and the check that every gateway answers the mix alike.

export type Contender = LoadTarget;

/** A comparison gateway this benchmark started (ours is stopped by the harness's teardown). */
export interface StartedContender extends Contender {
  stop: () => Promise<void>;
}

/** Starts a comparison gateway (bench/stock-gateway.ts, bench/hive-gateway.ts) and waits until it answers. */
export async function startContender(
  state: HarnessState,
  name: string,
  script: string,
  environment: Record<string, string> = {},
): Promise<StartedContender> {
  const port = await freePort();
  const logFile = join(state.runDirectory, `${name}.log`);
  const pid = spawnService(
    { script, port, logFile },
    { ...state.environment, BENCH_GATEWAY_PORT: String(port), ...environment },
  );
  const contender: StartedContender = {
    name,
    url: `http://127.0.0.1:${port}/graphql`,
    pid,
    stop: () => stopProcess(pid),
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(contender.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (response.status === 200) return contender;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stopProcess(pid);
      throw new Error(`${name} did not start (log: ${logFile})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A new password-grant token for a demo user: each call a distinct token, unlike the harness's cached tokenFor. */
export async function passwordToken(username: string): Promise<string> {
  const { body } = await passwordGrant(username);
  if (!body.access_token) throw new Error(`no token for ${username}: ${JSON.stringify(body)}`);
  return body.access_token;
}

/** `count` distinct tokens, cycling through the users; a few requests at a time to spare the provider. */
export async function distinctTokens(users: readonly string[], count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let first = 0; first < count; first += 5) {
    const batch = Array.from(
      { length: Math.min(5, count - first) },
      (_, offset) => users[(first + offset) % users.length],
    );
    tokens.push(...(await Promise.all(batch.map(passwordToken))));
  }
  if (new Set(tokens).size !== tokens.length) throw new Error('the provider gave the same token twice');
  return tokens;
}

/** A JSON value with every object's keys sorted, so answers compare whatever order a gateway writes. */
export function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
        .map(([key, entry]) => [key, sortedKeys(entry)]),
    );
  return value;
}

interface Answer {
  status: number;
  data: unknown;
  errorCodes: string[];
}

async function answer(url: string, token: string, request: MixRequest): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: request.body,
  });
  const body = (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
  return {
    status: response.status,
    data: sortedKeys(body.data ?? null),
    errorCodes: (body.errors ?? []).map((error) => error.extensions?.code ?? 'NO_CODE').sort(),
  };
}

/**
 * Sends every query of the mix with each token to every gateway and throws unless all return the same
 * `data` (keys sorted). Differences in the errors beside the data (codes, count) are returned as notes:
 * ours rewrites some errors on purpose (gateway/unreadable-references.ts, gateway.errors.ts).
 */
export async function checkSameAnswers(
  contenders: Contender[],
  tokens: Array<{ user: string; token: string }>,
  mix: MixRequest[],
): Promise<string[]> {
  const notes: string[] = [];
  for (const { user, token } of tokens) {
    for (const request of mix) {
      const answers = await Promise.all(contenders.map((contender) => answer(contender.url, token, request)));
      const [reference] = answers;
      if (reference.data === null) throw new Error(`${contenders[0].name}: no data for ${request.name} as ${user}`);
      answers.forEach((other, index) => {
        const name = contenders[index].name;
        if (!isDeepStrictEqual(other.data, reference.data))
          throw new Error(
            `${name} and ${contenders[0].name} answer ${request.name} as ${user} with different data:\n` +
              `${JSON.stringify(other.data)}\n${JSON.stringify(reference.data)}`,
          );
        if (other.status !== reference.status || !isDeepStrictEqual(other.errorCodes, reference.errorCodes))
          notes.push(
            `${request.name} as ${user}: ${name} HTTP ${other.status} errors [${other.errorCodes.join(', ')}], ` +
              `${contenders[0].name} HTTP ${reference.status} errors [${reference.errorCodes.join(', ')}]`,
          );
      });
    }
  }
  return notes;
}
