import { SIGNATURE_SCHEMES, type SignatureAlgorithm } from '../subgraphs/licensing/certificate/signature-scheme';
import { gatewayUrl, graphql, postFrom, query, tokenFor } from './harness/single-window.client';
import { attachRequiredMaterials } from './harness/permit-materials';
import { story } from './harness/story';
import { subgraphSql } from './harness/subgraph-database';

// Electronic certificates (许可证件电子化) through the gateway: issued when a permit is approved,
// verified by anyone without signing in, and refused when altered, suspended or revoked.

const VERIFY = `query VerifyCertificate($id: String!) {
  verifyCertificate(id: $id) {
    certificateId status checkedAt
    certificate {
      certificateId permitNumber permitKind scope holderCreditCode holderName permitRegionCode
      validFrom validUntil authorityName authorityRegionCode issuedAt keyId algorithm signature signedContent
    }
  }
}`;

const SIGNING_KEYS = `query CertificateSigningKeys { certificateSigningKeys { keyId authorityName authorityRegionCode algorithm signerId publicKeyPem publicKeyHex validFrom validUntil } }`;

interface Certificate {
  certificateId: string;
  permitNumber: string;
  permitKind: string;
  scope: string;
  holderCreditCode: string;
  holderName: string;
  permitRegionCode: string;
  validFrom: string;
  validUntil: string;
  authorityName: string;
  authorityRegionCode: string;
  issuedAt: string;
  keyId: string;
  algorithm: SignatureAlgorithm;
  signature: string;
  signedContent: string;
}

interface Verification {
  verifyCertificate: { certificateId: string; status: string; checkedAt: string; certificate: Certificate | null };
}

interface SigningKey {
  keyId: string;
  authorityName: string;
  authorityRegionCode: string;
  algorithm: SignatureAlgorithm;
  signerId: string | null;
  publicKeyPem: string;
  publicKeyHex: string;
  validFrom: string;
  validUntil: string;
}

/** Verifies as a member of the public would: no Authorization header at all. */
async function verifyAnonymously(id: string) {
  return graphql<Verification>(VERIFY, { id });
}

async function statusOf(id: string): Promise<string> {
  const result = await verifyAnonymously(id);
  expect(result.errors).toBeUndefined();
  return result.data!.verifyCertificate.status;
}

/** A permit approved the way officers do it: submitted and accepted by an officer, approved by a reviewer. */
async function approvedPermit(
  regionCode = '320102',
  by = { officer: 'js-licensing-officer', reviewer: 'js-licensing-reviewer' },
): Promise<{ creditCode: string; permitNumber: string; certificateId: string }> {
  const officer = await tokenFor(by.officer);
  const enterprise = await story(officer).enterprise(regionCode, '苏州远航物流有限公司');
  const submitted = await query<{ submitPermitApplication: { application: { applicationNumber: string } } }>(
    officer,
    `mutation ($input: SubmitPermitApplicationInput!) { submitPermitApplication(input: $input) { application { applicationNumber } } }`,
    {
      input: {
        creditCode: enterprise.creditCode,
        kind: 'ROAD_FREIGHT_TRANSPORT',
        scope: '普通货运、大型物件运输',
        regionCode,
      },
    },
  );
  const applicationNumber = submitted.submitPermitApplication.application.applicationNumber;
  await attachRequiredMaterials(officer, applicationNumber, 'ROAD_FREIGHT_TRANSPORT');
  await query(
    officer,
    `mutation ($input: ApplicationActionInput!) { acceptPermitApplication(input: $input) { application { status } } }`,
    { input: { applicationNumber } },
  );
  const approved = await query<{
    approvePermitApplication: { permit: { number: string; certificate: { certificateId: string } | null } };
  }>(
    await tokenFor(by.reviewer),
    `mutation ($input: ApprovePermitApplicationInput!) { approvePermitApplication(input: $input) { permit { number certificate { certificateId } } } }`,
    { input: { applicationNumber } },
  );
  const permit = approved.approvePermitApplication.permit;
  expect(permit.certificate).not.toBeNull();
  return {
    creditCode: enterprise.creditCode,
    permitNumber: permit.number,
    certificateId: permit.certificate!.certificateId,
  };
}

describe('electronic certificates through the gateway', () => {
  let first: { creditCode: string; permitNumber: string; certificateId: string };

  beforeAll(async () => {
    first = await approvedPermit();
  });

  it('are issued when a permit is approved and verify anonymously as VALID, with their signed content', async () => {
    const result = await verifyAnonymously(first.certificateId);
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    const verification = result.data!.verifyCertificate;
    expect(verification).toMatchObject({ certificateId: first.certificateId, status: 'VALID' });
    expect(verification.certificate).toMatchObject({
      certificateId: first.certificateId,
      permitNumber: first.permitNumber,
      permitKind: 'ROAD_FREIGHT_TRANSPORT',
      scope: '普通货运、大型物件运输',
      holderCreditCode: first.creditCode,
      holderName: '苏州远航物流有限公司',
      permitRegionCode: '320102',
      authorityName: '江苏省交通运输厅',
      authorityRegionCode: '320000',
      algorithm: 'SM2_SM3',
    });
    expect(first.certificateId).toMatch(/^ZZ-320000-\d{4}-[0-9A-HJKMNP-TV-Z]{16}$/);
  });

  it('can be checked offline with the public key the graph publishes to anyone', async () => {
    const keys = await graphql<{ certificateSigningKeys: SigningKey[] }>(SIGNING_KEYS);
    expect(keys.errors).toBeUndefined();
    const published = keys.data!.certificateSigningKeys;
    expect(published.map((key) => key.authorityRegionCode)).toEqual(
      expect.arrayContaining(['000000', '320000', '330000']),
    );
    const certificate = (await verifyAnonymously(first.certificateId)).data!.verifyCertificate.certificate!;
    const key = published.find((candidate) => candidate.keyId === certificate.keyId)!;
    expect(key).toMatchObject({ authorityRegionCode: '320000', algorithm: 'SM2_SM3', signerId: '1234567812345678' });
    const publicKey = SIGNATURE_SCHEMES[key.algorithm].loadPublicKey(key.publicKeyPem);
    expect(publicKey.hex).toBe(key.publicKeyHex);
    const signature = Buffer.from(certificate.signature, 'base64');
    expect(publicKey.verify(Buffer.from(certificate.signedContent, 'utf8'), signature)).toBe(true);
    expect(
      publicKey.verify(
        Buffer.from(certificate.signedContent.replace('大型物件运输', '危险货物运输'), 'utf8'),
        signature,
      ),
    ).toBe(false);
    expect(JSON.parse(certificate.signedContent)).toEqual([
      'SW-CERT-1',
      certificate.certificateId,
      certificate.permitNumber,
      certificate.permitKind,
      certificate.scope,
      certificate.holderCreditCode,
      certificate.holderName,
      certificate.permitRegionCode,
      certificate.validFrom,
      certificate.validUntil,
      certificate.authorityName,
      certificate.authorityRegionCode,
      certificate.issuedAt,
      certificate.keyId,
      certificate.algorithm,
    ]);
  });

  it('answer NOT_FOUND for an identifier never issued, and refuse a malformed one naming the field', async () => {
    expect(await statusOf('ZZ-320000-2026-0000000000000000')).toBe('NOT_FOUND');
    const malformed = await verifyAnonymously('320102<script>');
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('are shown to officers on the permit, within their region only', async () => {
    const permitQuery = `query ($number: String!) { permit(number: $number) { number certificate { certificateId authorityRegionCode } } }`;
    type PermitAnswer = { permit: { certificate: { certificateId: string; authorityRegionCode: string } } | null };
    const inRegion = await query<PermitAnswer>(await tokenFor('nj-enforcement-officer'), permitQuery, {
      number: first.permitNumber,
    });
    expect(inRegion.permit?.certificate).toEqual({ certificateId: first.certificateId, authorityRegionCode: '320000' });
    const hangzhou = await approvedPermit('330106', { officer: 'ministry-admin', reviewer: 'ministry-admin' });
    const national = await query<PermitAnswer>(await tokenFor('ministry-admin'), permitQuery, {
      number: hangzhou.permitNumber,
    });
    expect(national.permit?.certificate).toEqual({
      certificateId: hangzhou.certificateId,
      authorityRegionCode: '330000',
    });
    const outOfRegion = await query<PermitAnswer>(await tokenFor('js-licensing-officer'), permitQuery, {
      number: hangzhou.permitNumber,
    });
    expect(outOfRegion.permit).toBeNull();
  });

  it('without a token, run only the public operations: everything else is refused 401 as before', async () => {
    const refusedAnonymously = [
      `{ enterprises(first: 1) { totalCount } }`,
      `{ verifyCertificate(id: "${first.certificateId}") { status } enterprises(first: 1) { totalCount } }`,
      `{ verifyCertificate(id: "${first.certificateId}") { status } __schema { types { name } } }`,
      `{ __schema { queryType { name } } }`,
      `query { ...Everything } fragment Everything on Query { verifyCertificate(id: "${first.certificateId}") { status } }`,
      `mutation { registerEnterprise(input: { creditCode: "91320102MA1MY0R10Q", name: "x", legalRepresentative: "x", regionCode: "320102", address: "x" }) { enterprise { name } } }`,
      `{ verifyCertificate(id: "${first.certificateId}") { status }`,
    ];
    for (const document of refusedAnonymously) {
      const result = await graphql(document);
      expect([document, result.status, result.errors?.[0]?.extensions?.code, result.data ?? null]).toEqual([
        document,
        401,
        'UNAUTHENTICATED',
        null,
      ]);
    }
    // A request that names a public operation but selects another one is refused too.
    const other = await fetch(`${gatewayUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query Public { certificateSigningKeys { keyId } } query Private { enterprises(first: 1) { totalCount } }`,
        operationName: 'Private',
      }),
    });
    expect(other.status).toBe(401);
    // A token that does not verify is not quietly downgraded to anonymous.
    const forged = await graphql(VERIFY, { id: first.certificateId }, { token: 'not-a-token' });
    expect(forged.status).toBe(401);
    // Signed-in callers may verify too.
    const signedIn = await graphql<Verification>(
      VERIFY,
      { id: first.certificateId },
      { token: await tokenFor('js-safety-officer') },
    );
    expect(signedIn.data?.verifyCertificate.status).toBe('VALID');
  });

  it('are audited when verified anonymously, naming the certificate', async () => {
    await graphql(
      `
        query AnonymousCertificateCheck($id: String!) {
          verifyCertificate(id: $id) {
            status
          }
        }
      `,
      { id: first.certificateId },
    );
    const audit = await query<{
      auditRecords: {
        edges: Array<{
          node: {
            username: string | null;
            outcome: string;
            subgraphs: string;
            entities: string;
            operationName: string;
          };
        }>;
      };
    }>(
      await tokenFor('ministry-admin'),
      `query ($entity: String) { auditRecords(entity: $entity, operationName: "AnonymousCertificateCheck", first: 5) { edges { node { username outcome subgraphs entities operationName } } } }`,
      { entity: first.certificateId },
    );
    expect(audit.auditRecords.edges.map((edge) => edge.node)).toEqual([
      {
        username: null,
        outcome: 'OK',
        subgraphs: 'licensing',
        entities: first.certificateId,
        operationName: 'AnonymousCertificateCheck',
      },
    ]);
  });

  it('fail with INVALID_SIGNATURE once a stored field or the signature is altered, and read SUSPENDED and REVOKED from the permit register', async () => {
    const suspended = await approvedPermit('320583');
    const revoked = await approvedPermit('320104');
    const signatureChanged = await approvedPermit('320102');
    const [{ signature }] = await subgraphSql<{ signature: string }>(
      'licensing',
      'SELECT signature FROM permit_certificate WHERE certificate_id = ?',
      [signatureChanged.certificateId],
    );
    const flipped = Buffer.from(signature, 'base64');
    flipped[40] ^= 0x01;
    // The workflow's suspend and revoke mutations are not on this branch: the register is set in SQL.
    await subgraphSql(
      'licensing',
      "UPDATE permit_certificate SET valid_until = '2099-12-31' WHERE certificate_id = ?",
      [first.certificateId],
    );
    await subgraphSql('licensing', 'UPDATE permit_certificate SET signature = ? WHERE certificate_id = ?', [
      flipped.toString('base64'),
      signatureChanged.certificateId,
    ]);
    await subgraphSql('licensing', "UPDATE permit SET status = 'SUSPENDED' WHERE number = ?", [suspended.permitNumber]);
    await subgraphSql('licensing', "UPDATE permit SET status = 'REVOKED' WHERE number = ?", [revoked.permitNumber]);
    const tampered = await verifyAnonymously(first.certificateId);
    expect(tampered.data?.verifyCertificate).toMatchObject({ status: 'INVALID_SIGNATURE', certificate: null });
    expect(await statusOf(signatureChanged.certificateId)).toBe('INVALID_SIGNATURE');
    expect(await statusOf(suspended.certificateId)).toBe('SUSPENDED');
    const revokedVerification = (await verifyAnonymously(revoked.certificateId)).data!.verifyCertificate;
    expect(revokedVerification.status).toBe('REVOKED');
    expect(revokedVerification.certificate?.permitNumber).toBe(revoked.permitNumber);
  });

  it('are rate limited per client address when verified anonymously, with 429 and Retry-After', async () => {
    // The harness allows 60 anonymous public requests a minute per address, in a burst. This test spends the
    // budget of its own address (127.0.0.2), so the other tests' anonymous requests keep theirs.
    const body = { query: VERIFY, variables: { id: 'ZZ-320000-2026-0000000000000000' } };
    const send = () => postFrom('127.0.0.2', body);
    let refusal: Awaited<ReturnType<typeof send>> | undefined;
    let allowed = 0;
    for (let batch = 0; batch < 20 && !refusal; batch += 1) {
      const responses = await Promise.all(Array.from({ length: 20 }, send));
      allowed += responses.filter((response) => response.status === 200).length;
      refusal = responses.find((response) => response.status === 429);
    }
    expect(refusal).toBeDefined();
    expect(allowed).toBeGreaterThan(0);
    expect(Number(refusal!.retryAfter)).toBeGreaterThan(0);
    expect(refusal!.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    // Another address is not limited by it.
    expect((await graphql(VERIFY, body.variables)).errors?.[0]?.extensions?.code).not.toBe('RATE_LIMITED');
    // Other requests without a token are still refused as unauthenticated, and signed-in callers are unaffected.
    expect(
      (
        await graphql(`
          {
            enterprises(first: 1) {
              totalCount
            }
          }
        `)
      ).status,
    ).toBe(401);
    const signedIn = await graphql<Verification>(
      VERIFY,
      { id: first.certificateId },
      { token: await tokenFor('ministry-admin') },
    );
    expect(signedIn.status).toBe(200);
  });
});
