import { expect } from '@jest/globals';
import { loadDemoRealm } from '../auth/demo-realm';
import { pageError, signInThroughBrowser, SignInError } from '../auth/sign-in';
import { gql } from './generated';
import {
  demoPassword,
  graphql,
  issuerUrl,
  nextOneTimeCode,
  oneTimeCodeAt,
  query,
  passwordGrant,
} from './harness/single-window.client';

// MLPS level 3 (issue 14): administrators and readers of unmasked personal information sign in with a
// second factor. The realm's flows refuse them the password grant and ask for a TOTP code in the
// browser; the embedded provider runs the same flows. This file runs in `npm test` (embedded provider) and
// again in `npm run test:keycloak` (real Keycloak).

const AUDIT_COUNT = gql(`
  query SecondFactorAuditCount {
    auditRecords(first: 1) {
      totalCount
    }
  }
`);

const ENTERPRISES = gql(`
  query SecondFactorEnterprises {
    enterprises(first: 1) {
      totalCount
    }
  }
`);

const refusal = loadDemoRealm().passwordGrantRefusal(loadDemoRealm().user('ministry-admin')!);

/** A password grant's refusal: the embedded provider answers JSON, Keycloak an HTML error page (HTTP 401 both). */
async function refusedPasswordGrant(username: string): Promise<{ status: number; token: unknown; message: string }> {
  const { status, body, text } = await passwordGrant(username);
  return { status, token: body.access_token, message: body.error_description ?? pageError(text) ?? '' };
}

function browserSignIn(username: string, code?: string) {
  return signInThroughBrowser({
    issuer: issuerUrl(),
    username,
    password: demoPassword(username),
    oneTimeCode: code === undefined ? undefined : () => code,
  });
}

/**
 * Lets more than the realm's quickLoginCheckMilliSeconds (1 s) pass: a failed attempt that soon after
 * the user's last failure locks the account for a minute (Keycloak's quick-login check), and the
 * refused password grant above counts as a failure, in Keycloak and in the embedded provider alike.
 */
const afterQuickLoginCheck = () => new Promise((resolve) => setTimeout(resolve, 1_100));

describe('a second factor for privileged roles', () => {
  it.each(['ministry-admin', 'js-pii-officer'])('refuses %s the password grant, with the reason', async (username) => {
    expect(await refusedPasswordGrant(username)).toEqual({ status: 401, token: undefined, message: refusal });
  });

  it('does not finish a browser sign-in without the one-time code', async () => {
    await expect(browserSignIn('ministry-admin')).rejects.toMatchObject({ failure: 'code-required' });
  });

  it('refuses a wrong one-time code', async () => {
    await afterQuickLoginCheck();
    const { code } = await nextOneTimeCode('js-pii-officer');
    const wrong = code.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10));
    const attempt = browserSignIn('js-pii-officer', wrong);
    await expect(attempt).rejects.toBeInstanceOf(SignInError);
    await expect(attempt).rejects.toMatchObject({
      failure: 'code-refused',
      providerMessage: expect.stringContaining('Invalid authenticator code'),
    });
  });

  it('signs the administrator in with the right code; the gateway lets them read the audit trail', async () => {
    const { code } = await nextOneTimeCode('ministry-admin');
    const tokens = await browserSignIn('ministry-admin', code);
    const data = await query(tokens.access_token, AUDIT_COUNT);
    expect(data.auditRecords.totalCount).toEqual(expect.any(Number));
  });

  it('refuses a code used before, on a second sign-in', async () => {
    const { code, step } = await nextOneTimeCode('js-pii-officer');
    expect((await browserSignIn('js-pii-officer', code)).access_token).toBeTruthy();
    await expect(browserSignIn('js-pii-officer', oneTimeCodeAt('js-pii-officer', step))).rejects.toMatchObject({
      failure: 'code-refused',
    });
  });

  it('signs an officer without privileged roles in through the browser with no code page', async () => {
    const tokens = await browserSignIn('js-licensing-officer');
    const result = await graphql(ENTERPRISES, {}, { token: tokens.access_token });
    expect(result.errors).toBeUndefined();
    expect(result.data?.enterprises.totalCount).toBeGreaterThan(0);
    const audit = await graphql(AUDIT_COUNT, {}, { token: tokens.access_token });
    expect(audit.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
