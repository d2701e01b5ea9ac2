import { graphql } from '../harness/single-window.client';

// How the running gateway answers a token, and waiting for an answer to change (key refreshes, restarts).

const SMALL_QUERY = '{ enterprises(first: 1) { totalCount } }';

export interface GatewayAnswer {
  status: number;
  codes: Array<string | undefined>;
}

export const ACCEPTED: GatewayAnswer = { status: 200, codes: [] };
export const REFUSED: GatewayAnswer = { status: 401, codes: ['UNAUTHENTICATED'] };

export async function gatewayAnswer(token: string): Promise<GatewayAnswer> {
  const result = await graphql(SMALL_QUERY, {}, { token });
  return { status: result.status, codes: (result.errors ?? []).map((error) => error.extensions?.code) };
}

/** Asks until the gateway gives the wanted answer or the time is up; returns the last answer. */
export async function eventually(token: string, wanted: GatewayAnswer, withinMs: number): Promise<GatewayAnswer> {
  const deadline = Date.now() + withinMs;
  const same = (answer: GatewayAnswer) => JSON.stringify(answer) === JSON.stringify(wanted);
  let answer = await gatewayAnswer(token);
  while (!same(answer) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    answer = await gatewayAnswer(token);
  }
  return answer;
}
