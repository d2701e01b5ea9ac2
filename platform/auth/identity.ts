/** Who is calling, as proved by an access token from the realm. */
export interface Identity {
  /** The token's `sub`: the user's (or service account's) stable id. */
  subject: string;
  /** `preferred_username`; service accounts are `service-account-<client>`. */
  username: string;
  /** `azp`: the client the token was issued to. */
  clientId: string;
  roles: ReadonlySet<string>;
  /** GB/T 2260 code of the caller's jurisdiction; `000000` is national. */
  region: string;
  department: string | null;
  /** A partner ministry's person (partner-admin): the partner client it administers (`partner_client`). */
  partnerClient: string | null;
  serviceAccount: boolean;
  /** The token's `scope` values; partner clients' data categories arrive as `category:<name>`. */
  scopes: ReadonlySet<string>;
}
