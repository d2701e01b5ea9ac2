import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sm3Hex } from '../platform/storage/file-store';
import { readState } from './harness/harness-state';
import { refusal, attach, OFFICER, REVIEWER, jiangsuApplicant, submitFor } from './harness/permit-workflow';
import { graphql, tokenFor } from './harness/single-window.client';

// Attached materials (申请材料): read back checked against their SM3 digest, size limits.
// Helpers and the officers who act: test/harness/permit-workflow.ts.

describe('the permit workflow through the gateway: materials', () => {
  let jiangsuEnterprise: { creditCode: string; regionCode: string };

  beforeAll(async () => {
    jiangsuEnterprise = await jiangsuApplicant();
  });

  const submit = (kind: string, extra: Record<string, unknown> = {}) => submitFor(jiangsuEnterprise, kind, extra);

  describe('materials', () => {
    it('reads a material back checked against its SM3 digest, and refuses it named once the file was altered', async () => {
      const { application: submitted } = await submit('ROAD_FREIGHT_TRANSPORT');
      const material = await attach(
        OFFICER,
        submitted.applicationNumber,
        'SAFETY_MANAGEMENT_RULES',
        '安全生产管理制度 第一版',
      );
      const read = (username: string) =>
        tokenFor(username).then((token) =>
          graphql<{ permitMaterialContent: string | null }>(
            `
              query ($id: ID!) {
                permitMaterialContent(id: $id)
              }
            `,
            { id: material.id },
            { token },
          ),
        );
      expect(Buffer.from((await read(REVIEWER)).data!.permitMaterialContent!, 'base64').toString()).toBe(
        '%PDF-1.7\n安全生产管理制度 第一版\n',
      );
      // Materials are for licensing staff: other departments are refused, other regions find nothing.
      expect(refusal(await read('nj-enforcement-officer'))).toMatchObject({ code: 'FORBIDDEN' });
      expect((await read('zj-licensing-officer')).data?.permitMaterialContent).toBeNull();

      const file = findStoredFile(join(readState().dataDirectory, 'files', 'licensing'), material.sm3Digest);
      writeFileSync(file, '%PDF-1.7\n安全生产管理制度 篡改版\n');
      const tampered = await read(REVIEWER);
      expect(refusal(tampered)).toMatchObject({ code: 'CONFLICT', reason: 'DIGEST_MISMATCH' });
      expect(tampered.errors![0].message).toBe(
        `Material ${material.id} (SAFETY_MANAGEMENT_RULES, SAFETY_MANAGEMENT_RULES.pdf) of application ${submitted.applicationNumber} does not match its recorded SM3 digest: it was altered after it was stored`,
      );
    });

    it('refuses a material over 5 MiB with a clear error naming the field', async () => {
      const { application: submitted } = await submit('ROAD_FREIGHT_TRANSPORT');
      const response = await graphql(
        `
          mutation ($input: AttachPermitMaterialInput!) {
            attachPermitMaterial(input: $input) {
              material {
                id
              }
            }
          }
        `,
        {
          input: {
            applicationNumber: submitted.applicationNumber,
            materialCode: 'APPLICATION_FORM',
            fileName: 'scan.pdf',
            contentBase64: Buffer.alloc(5 * 1024 * 1024 + 1, 1).toString('base64'),
          },
        },
        { token: await tokenFor(OFFICER) },
      );
      expect(refusal(response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contentBase64' });
      expect(response.errors![0].message).toBe(
        'contentBase64 is 5.0 MiB (5242881 bytes); a material may be at most 5.0 MiB (5242880 bytes)',
      );
    });
  });
});

/** The stored file whose SM3 digest is `digest`, under the file store's licensing directory. */
function findStoredFile(directory: string, digest: string): string {
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) {
      try {
        return findStoredFile(path, digest);
      } catch {
        continue;
      }
    }
    if (sm3Hex(readFileSync(path)) === digest) return path;
  }
  throw new Error(`no stored file with digest ${digest} under ${directory}`);
}
