import { createHash, randomBytes } from 'node:crypto';

// A command-line sign-in through the browser flow (authorization code with PKCE S256), driving the
// provider's HTML forms as a browser would: Keycloak's (`kc-form-login`, then `kc-otp-login-form` for
// users its flows ask for a one-time code) and the embedded provider's, which use the same names.

export interface BrowserSignInOptions {
  /** e.g. `http://localhost:8080/realms/transport` */
  issuer: string;
  username: string;
  password: string;
  /** Gives the current one-time code when the provider asks for one; without it such a sign-in fails. */
  oneTimeCode?: () => string | Promise<string>;
  /** A public client allowed the authorization code flow; default `single-window-cli`. */
  clientId?: string;
  /** Default `http://127.0.0.1:<random port>/callback`; nothing listens there, the code is read from the redirect. */
  redirectUri?: string;
  /** Default `openid`. */
  scope?: string;
  /** Per request; default 10 s. */
  timeoutMs?: number;
}

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in: number;
  id_token?: string;
  refresh_token?: string;
  scope?: string;
  [name: string]: unknown;
}

export type SignInFailure =
  /** The provider refused the username or password (or the account is locked or disabled). */
  | 'credentials-refused'
  /** The provider asks for a one-time code and none was given. */
  | 'code-required'
  /** The provider refused the one-time code. */
  | 'code-refused'
  /** The provider refused the sign-in (a flow's refusal, an error page, a refused code exchange). */
  | 'refused'
  /** An answer this client does not understand. */
  | 'unexpected-answer';

export class SignInError extends Error {
  constructor(
    readonly failure: SignInFailure,
    message: string,
    /** The provider's own words, when it gave any. */
    readonly providerMessage?: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

/** Cookies of one sign-in, for the provider's host only (Keycloak's are path-scoped to the realm). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      if (separator <= 0) continue;
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key, setting = ''] = attribute.split('=').map((part) => part.trim());
        if (/^max-age$/i.test(key)) return Number(setting) <= 0;
        if (/^expires$/i.test(key)) return Date.parse(setting) <= Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1].toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    attributes.set(match[1].toLowerCase(), decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

interface HtmlForm {
  id: string;
  action: string;
  /** Every named input with its value, hidden ones included. */
  fields: Map<string, string>;
}

/** The page's forms with their action (entities decoded) and named inputs. */
export function formsOf(html: string): HtmlForm[] {
  const forms: HtmlForm[] = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attributes = attributesOf(match[1]);
    const fields = new Map<string, string>();
    for (const input of match[2].matchAll(/<input\b([^>]*)>/gi)) {
      const inputAttributes = attributesOf(input[1]);
      const name = inputAttributes.get('name');
      const type = (inputAttributes.get('type') ?? 'text').toLowerCase();
      if (!name || ((type === 'checkbox' || type === 'radio') && !inputAttributes.has('checked'))) continue;
      fields.set(name, inputAttributes.get('value') ?? '');
    }
    forms.push({ id: attributes.get('id') ?? '', action: attributes.get('action') ?? '', fields });
  }
  return forms;
}

function textOf(fragment: string): string {
  return decodeEntities(fragment.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The message a provider's page shows: Keycloak's field error (`#input-error…`), its alert title
 * (`.pf-v5-c-alert__title`) or error page (`#kc-error-message`), the embedded provider's `p.error`.
 */
export function pageError(html: string): string | undefined {
  const patterns = [
    /<(\w+)\b[^>]*\bid="input-error[^"]*"[^>]*>([\s\S]*?)<\/\1>/i,
    /<(\w+)\b[^>]*\bclass="[^"]*\bpf-v5-c-alert__title\b[^"]*"[^>]*>([\s\S]*?)<\/\1>/i,
    /<(\w+)\b[^>]*\bid="kc-error-message"[^>]*>([\s\S]*?)<\/\1>/i,
    /<(p)\b[^>]*\bclass="[^"]*\berror\b[^"]*"[^>]*>([\s\S]*?)<\/p>/i,
  ];
  for (const pattern of patterns) {
    for (const match of html.matchAll(new RegExp(pattern.source, 'gi'))) {
      const text = textOf(match[2]);
      if (text) return text;
    }
  }
  return undefined;
}

interface Answer {
  url: URL;
  response: Response;
  body: string;
}

/**
 * Signs a user in through the provider's browser flow and returns its token response: the
 * authorization request with PKCE, the login form, the one-time code form when the provider shows
 * one, and the code exchange. The last redirect (to `redirectUri`) is not followed; its `code` is read
 * from the Location header. Throws `SignInError` with the provider's message when it refuses.
 */
export async function signInThroughBrowser(options: BrowserSignInOptions): Promise<TokenResponse> {
  const issuer = options.issuer.replace(/\/$/, '');
  const clientId = options.clientId ?? 'single-window-cli';
  const redirectUri =
    options.redirectUri ?? `http://127.0.0.1:${49152 + (randomBytes(2).readUInt16BE() % 16000)}/callback`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const jar = new CookieJar();

  const send = async (url: URL, init: RequestInit = {}): Promise<Answer> => {
    const cookie = jar.header();
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string> | undefined), ...(cookie ? { cookie } : {}) },
      signal: AbortSignal.timeout(timeoutMs),
    });
    jar.store(response);
    return { url, response, body: await response.text() };
  };
  // Follows redirects within the provider; stops at the callback (or anything off the provider).
  const follow = async (first: Answer): Promise<Answer | URL> => {
    let answer = first;
    for (let hop = 0; hop < 10; hop += 1) {
      const location = answer.response.headers.get('location');
      if (answer.response.status < 300 || answer.response.status >= 400 || !location) return answer;
      const next = new URL(location, answer.url);
      if (next.href.startsWith(redirectUri) || next.origin !== new URL(issuer).origin) return next;
      answer = await send(next);
    }
    throw new SignInError('unexpected-answer', `too many redirects signing ${options.username} in`);
  };
  const submit = (page: Answer, form: HtmlForm, values: Record<string, string>) => {
    const body = new URLSearchParams([...form.fields]);
    for (const [name, value] of Object.entries(values)) body.set(name, value);
    return send(new URL(form.action || page.url.href, page.url), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    }).then(follow);
  };
  const refusal = (page: Answer, failure: SignInFailure, what: string): SignInError => {
    const message = pageError(page.body);
    return new SignInError(
      failure,
      `${what} for ${options.username}${message ? `: ${message}` : ` (HTTP ${page.response.status})`}`,
      message,
    );
  };

  const authorize = new URL(`${issuer}/protocol/openid-connect/auth`);
  authorize.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    scope: options.scope ?? 'openid',
    redirect_uri: redirectUri,
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();

  let step = await follow(await send(authorize));
  if (step instanceof URL) return exchange(step);
  const loginForm = formsOf(step.body).find(
    (form) => form.id === 'kc-form-login' || (form.fields.has('username') && form.fields.has('password')),
  );
  if (!loginForm) throw refusal(step, 'unexpected-answer', 'no login form');
  step = await submit(step, loginForm, { username: options.username, password: options.password });
  if (step instanceof URL) return exchange(step);

  const codeForm = formsOf(step.body).find((form) => form.id === 'kc-otp-login-form' || form.fields.has('otp'));
  if (!codeForm) {
    const shownAgain = formsOf(step.body).some((form) => form.id === 'kc-form-login' || form.fields.has('username'));
    throw refusal(step, shownAgain ? 'credentials-refused' : 'refused', 'sign-in refused');
  }
  if (!options.oneTimeCode)
    throw new SignInError(
      'code-required',
      `the provider asks ${options.username} for a one-time code and none was given`,
    );
  const codePage = step;
  step = await submit(codePage, codeForm, { otp: await options.oneTimeCode() });
  if (step instanceof URL) return exchange(step);
  const askedAgain = formsOf(step.body).some((form) => form.id === 'kc-otp-login-form' || form.fields.has('otp'));
  throw refusal(step, askedAgain ? 'code-refused' : 'refused', 'one-time code refused');

  async function exchange(callback: URL): Promise<TokenResponse> {
    if (!callback.href.startsWith(redirectUri))
      throw new SignInError('unexpected-answer', `the provider sent ${options.username} to ${callback.origin}`);
    const error = callback.searchParams.get('error');
    if (error) {
      const description = callback.searchParams.get('error_description') ?? undefined;
      throw new SignInError(
        'refused',
        `sign-in refused for ${options.username}: ${error} ${description ?? ''}`.trim(),
        description,
      );
    }
    if (callback.searchParams.get('state') !== state)
      throw new SignInError('unexpected-answer', 'the provider answered with another sign-in state');
    const code = callback.searchParams.get('code');
    if (!code) throw new SignInError('unexpected-answer', 'the provider redirected back without a code');
    const response = await fetch(`${issuer}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: clientId,
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json().catch(() => ({}))) as Partial<TokenResponse> & {
      error?: string;
      error_description?: string;
    };
    if (!response.ok || typeof body.access_token !== 'string')
      throw new SignInError(
        'refused',
        `code exchange refused for ${options.username}: HTTP ${response.status} ${body.error ?? ''} ${body.error_description ?? ''}`.trim(),
        body.error_description,
      );
    return body as TokenResponse;
  }
}
