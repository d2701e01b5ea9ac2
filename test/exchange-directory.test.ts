import { decodeJwt } from 'jose';
import { gatewaySql } from './harness/gateway-database';
import { clientToken, eventually, issuerUrl } from './harness/single-window.client';

// A grant becomes the partner's data category in the identity provider without editing the realm or
// restarting anything (README: Grants in the identity provider). The grant is written to the gateway's
// database as another gateway replica would record it; this gateway's periodic pass applies it to the
// embedded provider, and a new client-credentials token of partner-ndrc carries the category.

const COORDINATE = 'HazardousWaybill.directorySyncProbe';

function sqlTime(date: Date): string {
  return date.toISOString().slice(0, 23).replace('T', ' ');
}

async function scopesOfNewToken(): Promise<string[]> {
  const claims = decodeJwt(await clientToken('partner-ndrc'));
  return (typeof claims.scope === 'string' ? claims.scope : '').split(' ').filter(Boolean);
}

function adminUrl(path: string): string {
  return `${issuerUrl().replace(/\/realms\/([^/]+)$/, '/admin/realms/$1')}${path}`;
}

describe('grants applied to the identity provider', () => {
  afterAll(async () => {
    await gatewaySql('DELETE FROM data_grant WHERE coordinate = ?', [COORDINATE]);
  });

  it('gives partner-ndrc category:safety while a grant is in force, and takes it away when revoked', async () => {
    expect(await scopesOfNewToken()).not.toContain('category:safety');
    // The seed categories of the realm file stay whatever the grants say.
    expect(await scopesOfNewToken()).toEqual(expect.arrayContaining(['category:credit', 'category:registry']));

    await gatewaySql(
      `INSERT INTO data_grant (client_id, coordinate, department, category, purposes, request_id, granted_by,
         granted_at, expires_at, revoked_at, revoked_by) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, NULL, NULL, NULL)`,
      [
        'partner-ndrc',
        COORDINATE,
        'safety',
        'safety',
        'SAFETY_SUPERVISION',
        'ministry-safety-approver',
        sqlTime(new Date()),
      ],
    );
    await eventually(async () => expect(await scopesOfNewToken()).toContain('category:safety'), 30_000);

    await gatewaySql('UPDATE data_grant SET revoked_at = ?, revoked_by = ? WHERE coordinate = ?', [
      sqlTime(new Date()),
      'ministry-safety-approver',
      COORDINATE,
    ]);
    await eventually(async () => expect(await scopesOfNewToken()).not.toContain('category:safety'), 30_000);
    expect(await scopesOfNewToken()).toEqual(
      expect.arrayContaining(['category:credit', 'category:registry', 'category:licensing', 'category:statistics']),
    );
  });

  it("refuses the provider's admin calls without a token, and to a client without manage-clients", async () => {
    const path = adminUrl('/clients?clientId=partner-ndrc');
    expect((await fetch(path)).status).toBe(401);
    const partner = await fetch(path, { headers: { authorization: `Bearer ${await clientToken('partner-ndrc')}` } });
    expect(partner.status).toBe(403);
    const change = await fetch(adminUrl('/clients/partner-ndrc/default-client-scopes/category%3Asafety'), {
      method: 'PUT',
      headers: { authorization: `Bearer ${await clientToken('partner-ndrc')}` },
    });
    expect(change.status).toBe(403);
    expect(await scopesOfNewToken()).not.toContain('category:safety');
  });
});
