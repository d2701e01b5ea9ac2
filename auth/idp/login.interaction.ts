import type { IncomingMessage } from 'node:http';
import type * as oidc from 'oidc-provider' with { 'resolution-mode': 'import' };
import type { FlowStep } from './authentication-flows';
import { BROWSER_AUTHENTICATORS, type PasswordAuthenticator, type SignInRefusal } from './password.authenticator';
import { LOGIN_ACTIONS_PATH } from './provider.configuration';
import type { Realm, RealmUser } from './realm';
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

const STYLE =
  'body{font-family:sans-serif;max-width:24rem;margin:4rem auto}label,input,button{display:block;width:100%;margin:.3rem 0}p.error{color:#b00020}';

function page(realmName: string, clientId: string, title: string, error: string | null, body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${escapeHtml(realmName)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>Realm <b>${escapeHtml(realmName)}</b>, 应用 application <b>${escapeHtml(clientId)}</b></p>
${error ? `<p class="error" id="kc-error-message" role="alert">${escapeHtml(error)}</p>` : ''}
${body}</body></html>`;
}

/** The username and password form, with Keycloak's form and field names so one client drives both. */
function loginPage(
  realmName: string,
  clientId: string,
  action: string,
  username: string,
  error: string | null,
): string {
  return page(
    realmName,
    clientId,
    '登录 Sign in',
    error,
    `<form id="kc-form-login" method="post" action="${escapeHtml(action)}" autocomplete="off">
<label for="username">用户名 Username</label><input id="username" name="username" value="${escapeHtml(username)}" autofocus required>
<label for="password">密码 Password</label><input id="password" name="password" type="password" required>
<button type="submit" name="login">登录 Sign in</button></form>`,
  );
}

/** The one-time code form shown after the password (Keycloak's auth-otp-form: `kc-otp-login-form`, field `otp`). */
function oneTimeCodePage(
  realmName: string,
  clientId: string,
  action: string,
  digits: number,
  error: string | null,
): string {
  return page(
    realmName,
    clientId,
    '动态口令 One-time code',
    error,
    `<p>请输入身份验证器应用显示的${digits}位动态口令。Enter the ${digits}-digit code your authenticator app shows.</p>
<form id="kc-otp-login-form" method="post" action="${escapeHtml(action)}" autocomplete="off">
<label for="otp">动态口令 One-time code</label><input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code" autofocus required>
<button type="submit" name="login">登录 Sign in</button></form>`,
  );
}

/** What the browser pages say for each refusal, in Chinese with the English Keycloak uses alongside. */
const REFUSAL_TEXT: Record<SignInRefusal, string> = {
  'invalid-credentials': '用户名或密码错误。Invalid username or password.',
  locked: '账户已被临时锁定，请联系管理员。Account is temporarily disabled; contact your administrator.',
  disabled: '账户已停用。Account disabled.',
  'not-set-up': '账户尚未设置完成，请联系管理员。Account is not fully set up; contact your administrator.',
  'invalid-code': '动态口令无效。Invalid authenticator code.',
};

const UNSUPPORTED_TEXT =
  '此登录方式需要本地认证服务不支持的步骤，请联系管理员。The sign-in needs a step this provider cannot perform; contact your administrator.';

/** A sign-in whose password was right and which waits for the remaining steps (a one-time code). */
interface PendingSignIn {
  user: RealmUser;
  remaining: FlowStep[];
  expiresAt: number;
}

/**
 * The browser side of the authorization-code flow: a username/password form checked like the password
 * grant (same lockout), then what the realm's browser flow asks of that user (a one-time code for
 * privileged roles), then consent given on the user's behalf, as for Keycloak clients without
 * "Consent required". Pages are served under `<realm>/login-actions/<interaction id>`.
 */
export function loginInteraction(
  realm: Realm,
  authenticator: PasswordAuthenticator,
  provider: oidc.Provider,
): ProviderMiddleware {
  const pathPattern = new RegExp(`^${LOGIN_ACTIONS_PATH}/([A-Za-z0-9_-]+)$`);
  // Keyed by interaction id; oidc-provider binds the interaction to the browser's cookie.
  const pending = new Map<string, PendingSignIn>();
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
    const render = (html: string) => {
      ctx.type = 'html';
      ctx.body = html;
    };
    for (const [key, entry] of pending) if (entry.expiresAt <= Date.now()) pending.delete(key);
    const waiting = pending.get(uid);
    const codeDigits = realm.oneTimeCodePolicy.digits;

    if (ctx.method === 'GET') {
      return render(
        waiting
          ? oneTimeCodePage(realm.name, clientId, action, codeDigits, null)
          : loginPage(realm.name, clientId, action, '', null),
      );
    }
    let form: URLSearchParams;
    try {
      form = await readForm(ctx.req);
    } catch {
      ctx.status = 413;
      ctx.body = { error: 'invalid_request', error_description: 'form too large' };
      return;
    }

    // Runs the flow's steps after the password, in order, until one waits for the user or refuses.
    const proceed = async (user: RealmUser, remaining: FlowStep[]) => {
      pending.delete(uid);
      for (let index = 0; index < remaining.length; index += 1) {
        const step = remaining[index];
        if (step.authenticator === 'allow-access-authenticator') continue;
        if (step.authenticator === 'auth-otp-form') {
          pending.set(uid, {
            user,
            remaining: remaining.slice(index + 1),
            expiresAt: Date.now() + realm.settings.accessCodeLifespanLogin * 1000,
          });
          return render(oneTimeCodePage(realm.name, clientId, action, codeDigits, null));
        }
        if (step.authenticator === 'deny-access-authenticator')
          return render(
            page(realm.name, clientId, '登录 Sign in', step.config.denyErrorMessage || '拒绝访问。Access denied.', ''),
          );
        authenticator.unsupportedStep(user, step.authenticator, clientId);
        return render(page(realm.name, clientId, '登录 Sign in', UNSUPPORTED_TEXT, ''));
      }
      authenticator.signedIn(user);
      return finish({ login: { accountId: user.id } });
    };

    if (waiting && form.has('otp')) {
      const outcome = authenticator.verifyCode(waiting.user, form.get('otp') ?? '', clientId);
      if (!outcome.ok)
        return render(oneTimeCodePage(realm.name, clientId, action, codeDigits, REFUSAL_TEXT[outcome.refusal]));
      return proceed(waiting.user, waiting.remaining);
    }

    const username = form.get('username') ?? '';
    const outcome = authenticator.authenticate(username, form.get('password') ?? '', clientId);
    if (!outcome.ok) return render(loginPage(realm.name, clientId, action, username, REFUSAL_TEXT[outcome.refusal]));
    const steps = realm.browserSteps(outcome.user);
    // The login form is the flow's password step; the steps after it decide the rest.
    const passwordStep = steps.findIndex((step) => step.authenticator === 'auth-username-password-form');
    const remaining = steps.filter((_step, index) => index !== passwordStep);
    const unsupported = remaining.find((step) => !BROWSER_AUTHENTICATORS.has(step.authenticator));
    if (passwordStep < 0 || unsupported) {
      authenticator.unsupportedStep(outcome.user, unsupported?.authenticator ?? '(no password form)', clientId);
      return render(page(realm.name, clientId, '登录 Sign in', UNSUPPORTED_TEXT, ''));
    }
    return proceed(outcome.user, remaining);
  };
}
