import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sm3Hex } from '../../../platform/storage/file-store';
import { CaseStatus } from '../enforcement-case/case-status';
import { CaseStepAction } from '../enforcement-case/case-step-action';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import {
  everything,
  evidenceItem,
  filing,
  HANGZHOU,
  JIANGSU,
  NANJING,
  NATIONAL,
  OFFICER,
  procedure,
  SHANGHAI,
  storedFileOf,
  ZHEJIANG,
} from '../enforcement.fixture';
import { enforcementSubgraph } from '../enforcement.subgraph';
import { EVIDENCE_MAX_BYTES, type CaseEvidenceService } from './case-evidence.service';
import { EvidenceKind } from './evidence-kind';

/** Every file under a directory, recursively. */
function filesUnder(directory: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(directory);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(directory, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('CaseEvidenceService', () => {
  let testbed: TestbedOf<typeof enforcementSubgraph>;
  let evidence: CaseEvidenceService;
  let story: ReturnType<typeof procedure>;
  beforeEach(async () => {
    testbed = await openSubgraphTestbed(enforcementSubgraph);
    evidence = testbed.services.evidence;
    story = procedure(testbed.services);
  });
  afterEach(async () => {
    await testbed.close();
  });

  it('stores an item with the SM3 digest of its bytes, records the step, and reads the bytes back checked', async () => {
    const open = await story.investigating();
    const { evidence: stored, case: after } = await evidence.add(
      NANJING,
      { caseNumber: open.caseNumber, ...evidenceItem('photo of the overloaded truck') },
      OFFICER,
    );
    expect(stored).toMatchObject({
      kind: EvidenceKind.PHOTO,
      title: '车辆超限现场照片',
      fileName: 'scene.jpg',
      sizeBytes: 29,
      sm3Digest: sm3Hex(Buffer.from('photo of the overloaded truck')),
      regionCode: '320102',
      addedBy: OFFICER,
      assistanceRequestId: null,
    });
    expect(stored.handedOverAt).toEqual(stored.addedAt);
    // Adding evidence does not move the case or its version.
    expect(after).toMatchObject({ status: CaseStatus.INVESTIGATING, version: open.version });
    const steps = await testbed.services.cases.createStepsLoader(NATIONAL).load(open.id);
    expect(steps[steps.length - 1]).toMatchObject({
      action: CaseStepAction.EVIDENCE_ADDED,
      actor: OFFICER,
      comment: `PHOTO "车辆超限现场照片" (scene.jpg, 29 bytes, SM3 ${stored.sm3Digest})`,
    });
    const content = await evidence.content(JIANGSU, String(stored.id));
    expect(content).toMatchObject({ sm3Digest: stored.sm3Digest, evidence: { id: stored.id } });
    expect(Buffer.from(content!.contentBase64, 'base64').toString()).toBe('photo of the overloaded truck');
  });

  it('names the item whose stored bytes no longer match their digest, and one whose file is gone', async () => {
    const open = await story.investigating();
    const { evidence: stored } = await evidence.add(
      NATIONAL,
      { caseNumber: open.caseNumber, ...evidenceItem('original bytes') },
      OFFICER,
    );
    writeFileSync(storedFileOf(testbed.filesDirectory, stored), 'altered bytes');
    const altered = await expectDomainError(evidence.content(NATIONAL, String(stored.id)));
    expect(altered.extensions).toMatchObject({ code: 'CONFLICT', reason: 'DIGEST_MISMATCH' });
    expect(altered.message).toBe(
      `Evidence ${stored.id} "车辆超限现场照片" (scene.jpg) of case ${open.caseNumber} does not match its recorded SM3 digest: it was altered after it was stored`,
    );
    rmSync(storedFileOf(testbed.filesDirectory, stored));
    const missing = await expectDomainError(evidence.content(NATIONAL, String(stored.id)));
    expect(missing.extensions).toMatchObject({ code: 'CONFLICT', reason: 'FILE_MISSING' });
    expect(missing.message).toContain(`Evidence ${stored.id} "车辆超限现场照片"`);
  });

  it('refuses bad items before storing anything, naming the field', async () => {
    const open = await story.investigating();
    const before = await everything(testbed.dataSource);
    const caseNumber = open.caseNumber;
    const attempts: Array<[string, Record<string, unknown>]> = [
      ['kind', { kind: 'SMELL' }],
      ['title', { title: ' ' }],
      ['fileName', { fileName: '../../etc/passwd' }],
      ['fileName', { fileName: 'a\\b.jpg' }],
      ['contentBase64', { contentBase64: '' }],
      ['contentBase64', { contentBase64: 'not base64!' }],
      ['contentBase64', { contentBase64: Buffer.alloc(EVIDENCE_MAX_BYTES + 1).toString('base64') }],
      ['collectedAt', { collectedAt: new Date(Date.now() + 3600_000) }],
    ];
    for (const [field, overrides] of attempts) {
      const refused = await expectDomainError(
        evidence.add(NATIONAL, { caseNumber, ...evidenceItem(), ...overrides }, OFFICER),
      );
      expect([field, refused.extensions]).toEqual([field, expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
    }
    expect(await everything(testbed.dataSource)).toEqual(before);
    expect(filesUnder(testbed.filesDirectory)).toEqual([]);
  });

  it('takes evidence only while the case is filed or investigated, and only from the handling region', async () => {
    const pending = await testbed.services.cases.file(NATIONAL, filing(), OFFICER);
    const decided = await story.decided();
    for (const caseNumber of [pending.caseNumber, decided.caseNumber]) {
      const refused = await expectDomainError(evidence.add(NATIONAL, { caseNumber, ...evidenceItem() }, OFFICER));
      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    }
    const hangzhou = await story.investigating(filing({ regionCode: '330106', creditCode: HANGZHOU }));
    await testbed.services.cases.share(
      ZHEJIANG,
      { caseNumber: hangzhou.caseNumber, regionCode: '320000', reason: '请协助核查' },
      'zj',
    );
    expect(
      (await expectDomainError(evidence.add(JIANGSU, { caseNumber: hangzhou.caseNumber, ...evidenceItem() }, OFFICER)))
        .extensions,
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (await expectDomainError(evidence.add(SHANGHAI, { caseNumber: hangzhou.caseNumber, ...evidenceItem() }, OFFICER)))
        .extensions,
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(filesUnder(testbed.filesDirectory)).toEqual([]);
  });

  it('shows an item only to those who see its case: null elsewhere, as for an id nobody stored', async () => {
    const hangzhou = await story.investigating(filing({ regionCode: '330106', creditCode: HANGZHOU }));
    const { evidence: stored } = await evidence.add(
      ZHEJIANG,
      { caseNumber: hangzhou.caseNumber, ...evidenceItem() },
      OFFICER,
    );
    expect(await evidence.content(JIANGSU, String(stored.id))).toBeNull();
    expect(await evidence.createEvidenceLoader(JIANGSU).load(hangzhou.id)).toEqual([]);
    expect(await evidence.content(NATIONAL, '999999')).toBeNull();
    expect(await evidence.content(NATIONAL, 'x; DROP TABLE case_evidence')).toBeNull();
    // A read share shows the whole case file.
    await testbed.services.cases.share(
      ZHEJIANG,
      { caseNumber: hangzhou.caseNumber, regionCode: '320000', reason: '请协助核查' },
      'zj',
    );
    expect((await evidence.createEvidenceLoader(JIANGSU).load(hangzhou.id)).map((item) => item.id)).toEqual([
      stored.id,
    ]);
    expect(await evidence.content(JIANGSU, String(stored.id))).toMatchObject({ sm3Digest: stored.sm3Digest });
  });

  it('reads the evidence of many cases in one statement', async () => {
    const one = await story.investigating();
    const two = await story.investigating();
    await evidence.add(NATIONAL, { caseNumber: one.caseNumber, ...evidenceItem('one') }, OFFICER);
    await evidence.add(
      NATIONAL,
      { caseNumber: one.caseNumber, ...evidenceItem('two', { kind: EvidenceKind.INQUIRY_RECORD }) },
      OFFICER,
    );
    const loader = evidence.createEvidenceLoader(JIANGSU);
    const start = testbed.statements();
    const [ofOne, ofTwo] = await Promise.all([loader.load(one.id), loader.load(two.id)]);
    expect(testbed.statements() - start).toBe(1);
    expect(ofOne.map((item) => item.kind)).toEqual([EvidenceKind.PHOTO, EvidenceKind.INQUIRY_RECORD]);
    expect(ofTwo).toEqual([]);
  });
});
