/** Where a partner client's data categories live: the identity provider's `category:<name>` client scopes. */
export interface PartnerDirectory {
  /**
   * Makes the client's `category:*` default client scopes exactly `categories` (names without the
   * prefix); its other scopes are left alone. Tokens issued afterwards carry them in `scope`.
   */
  setCategories(clientId: string, categories: ReadonlySet<string>): Promise<void>;
}

export const CATEGORY_SCOPE_PREFIX = 'category:';

export class PartnerDirectoryError extends Error {}

export interface AdminClientSettings {
  /** The realm's issuer, `<origin>/realms/<realm>`; the admin API is `<origin>/admin/realms/<realm>`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** How long one call may take. */
  timeoutMs?: number;
}

interface Named {
  id: string;
  name: string;
}

/**
 * Keycloak 26's admin REST API, authenticated as the directory's own confidential client (its service
 * account holds realm-management `view-clients` and `manage-clients`). The embedded provider serves the
 * same calls (auth/idp/admin.endpoint.ts), so this client serves both.
 */
export class KeycloakPartnerDirectory implements PartnerDirectory {
  private readonly adminUrl: string;
  private readonly tokenUrl: string;
  private readonly timeoutMs: number;
  private token: { value: string; until: number } | null = null;

  constructor(private readonly settings: AdminClientSettings) {
    const issuer = new URL(settings.issuer);
    const realmPath = /^(.*)\/realms\/([^/]+)\/?$/.exec(issuer.pathname);
    if (!realmPath) throw new PartnerDirectoryError(`${settings.issuer} is not a Keycloak realm issuer`);
    this.adminUrl = `${issuer.origin}${realmPath[1]}/admin/realms/${realmPath[2]}`;
    this.tokenUrl = `${settings.issuer.replace(/\/$/, '')}/protocol/openid-connect/token`;
    this.timeoutMs = settings.timeoutMs ?? 10_000;
  }

  async setCategories(clientId: string, categories: ReadonlySet<string>): Promise<void> {
    const [client] = await this.call<Array<{ id: string; clientId: string }>>(
      'GET',
      `/clients?clientId=${encodeURIComponent(clientId)}`,
    );
    if (!client || client.clientId !== clientId) throw new PartnerDirectoryError(`no client ${clientId} in the realm`);
    const scopes = await this.call<Named[]>('GET', '/client-scopes');
    const current = await this.call<Named[]>('GET', `/clients/${encodeURIComponent(client.id)}/default-client-scopes`);
    const wanted = new Set([...categories].map((category) => CATEGORY_SCOPE_PREFIX + category));
    const path = (scope: Named) =>
      `/clients/${encodeURIComponent(client.id)}/default-client-scopes/${encodeURIComponent(scope.id)}`;

    for (const scope of current) {
      if (scope.name.startsWith(CATEGORY_SCOPE_PREFIX) && !wanted.has(scope.name))
        await this.call('DELETE', path(scope));
    }
    const held = new Set(current.map((scope) => scope.name));
    const missing: string[] = [];
    for (const name of wanted) {
      if (held.has(name)) continue;
      const scope = scopes.find((candidate) => candidate.name === name);
      if (scope) await this.call('PUT', path(scope));
      else missing.push(name);
    }
    if (missing.length > 0)
      throw new PartnerDirectoryError(`the realm has no client scope ${missing.join(', ')} for ${clientId}`);
  }

  private async accessToken(): Promise<string> {
    if (this.token && this.token.until > Date.now()) return this.token.value;
    const response = await fetch(this.tokenUrl, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(
          `${encodeURIComponent(this.settings.clientId)}:${encodeURIComponent(this.settings.clientSecret)}`,
        ).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const body = (await response.json().catch(() => ({}))) as { access_token?: string; expires_in?: number };
    if (!response.ok || !body.access_token)
      throw new PartnerDirectoryError(`the directory client got no token: HTTP ${response.status}`);
    this.token = { value: body.access_token, until: Date.now() + Math.max((body.expires_in ?? 60) - 30, 5) * 1000 };
    return body.access_token;
  }

  /** One admin call; a refused token is dropped and the call made once more with a new one. */
  private async call<T = unknown>(method: string, path: string, retried = false): Promise<T> {
    const response = await fetch(`${this.adminUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${await this.accessToken()}` },
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (response.status === 401 && !retried) {
      this.token = null;
      return this.call<T>(method, path, true);
    }
    const text = await response.text();
    if (!response.ok)
      throw new PartnerDirectoryError(`${method} ${path.split('?')[0]}: HTTP ${response.status} ${text.slice(0, 200)}`);
    return (text ? JSON.parse(text) : null) as T;
  }
}
