import type { IncomingMessage } from 'node:http';
import type * as oidc from 'oidc-provider' with { 'resolution-mode': 'import' };
import { REFUSAL_DESCRIPTION, type PasswordAuthenticator } from './password.authenticator';
import { LOGIN_ACTIONS_PATH } from './provider.configuration';
import type { Realm } from './realm';
import type { ProviderMiddleware } from './userinfo.endpoint';

const FORM_LIMIT_BYTES = 8 * 1024;

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > FORM_LIMIT_BYTES) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function loginPage(
  realmName: string,
  clientId: string,
  action: string,
  username: string,
  error: string | null,
): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in to ${escapeHtml(realmName)}</title>
<style>body{font-family:sans-serif;max-width:22rem;margin:4rem auto}label,input,button{display:block;width:100%;margin:.3rem 0}p.error{color:#b00020}</style></head>
<body><h1>Sign in</h1><p>Realm <b>${escapeHtml(realmName)}</b>, application <b>${escapeHtml(clientId)}</b></p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}" autocomplete="off">
<label for="username">Username</label><input id="username" name="username" value="${escapeHtml(username)}" autofocus required>
<label for="password">Password</label><input id="password" name="password" type="password" required>
<button type="submit">Sign in</button></form></body></html>`;
}

/**
 * The browser side of the authorization-code flow: a username/password form checked like the password
 * grant (same lockout), then consent given on the user's behalf, as for Keycloak clients without
 * "Consent required". Pages are served under `<realm>/login-actions/<interaction id>`.
 */
export function loginInteraction(
  realm: Realm,
  authenticator: PasswordAuthenticator,
  provider: oidc.Provider,
): ProviderMiddleware {
  const pathPattern = new RegExp(`^${LOGIN_ACTIONS_PATH}/([A-Za-z0-9_-]+)$`);
  return async function login(ctx, next) {
    const uid = pathPattern.exec(ctx.path)?.[1];
    if (!uid || (ctx.method !== 'GET' && ctx.method !== 'POST')) {
      await next();
      return;
    }
    ctx.set('cache-control', 'no-store');
    ctx.set(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
    );

    let details: oidc.Interaction;
    try {
      details = await provider.interactionDetails(ctx.req, ctx.res);
      if (details.uid !== uid) throw new Error('interaction mismatch');
    } catch {
      ctx.status = 400;
      ctx.body = {
        error: 'invalid_request',
        error_description: 'This sign-in page has expired; start again from the application',
      };
      return;
    }
    const clientId = typeof details.params.client_id === 'string' ? details.params.client_id : '';
    const finish = async (result: oidc.InteractionResults) => {
      const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: true });
      ctx.status = 303;
      ctx.redirect(returnTo);
    };

    if (details.prompt.name === 'consent') {
      const accountId = details.session?.accountId;
      const grant =
        (details.grantId ? await provider.Grant.find(details.grantId) : undefined) ??
        new provider.Grant({ accountId, clientId });
      const missing = details.prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
        missingResourceScopes?: Record<string, string[]>;
      };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
        grant.addResourceScope(indicator, scopes.join(' '));
      return finish({ consent: { grantId: await grant.save() } });
    }
    if (details.prompt.name !== 'login')
      return finish({ error: 'access_denied', error_description: 'unsupported interaction' });

    const action = `${new URL(provider.issuer).pathname}${LOGIN_ACTIONS_PATH}/${uid}`;
    if (ctx.method === 'GET') {
      ctx.type = 'html';
      ctx.body = loginPage(realm.name, clientId, action, '', null);
      return;
    }
    let form: URLSearchParams;
    try {
      form = await readForm(ctx.req);
    } catch {
      ctx.status = 413;
      ctx.body = { error: 'invalid_request', error_description: 'form too large' };
      return;
    }
    const username = form.get('username') ?? '';
    const outcome = authenticator.authenticate(username, form.get('password') ?? '', clientId);
    if (!outcome.ok) {
      ctx.type = 'html';
      const message =
        outcome.refusal === 'invalid-credentials'
          ? 'Invalid username or password.'
          : REFUSAL_DESCRIPTION[outcome.refusal];
      ctx.body = loginPage(realm.name, clientId, action, username, message);
      return;
    }
    return finish({ login: { accountId: outcome.user.id } });
  };
}
