import { mkdtempSync, statSync, chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { generateSm2KeyPair, loadSm2PrivateKey, loadSm2PublicKey } from '../../platform/crypto/sm2-signature';
import { openDataSource } from '../../platform/database/data-source.factory';
import { createLogger } from '../../platform/observability/logger';
import { Counters } from '../../platform/observability/metrics';
import { chainHash } from './audit-chain';
import { AuditCheckpointSigner, checkpointMessage } from './audit-checkpoint-signer';
import { verifySignedCheckpoints } from './audit-checkpoint-verification';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from './audit-database';
import { entry } from './audit-entry.fixture';
import { AuditOutcome, AuditRecord } from './audit-record.entity';
import { AuditSignedCheckpoint } from './audit-signed-checkpoint.entity';
import { loadAuditPublicKey, loadAuditSigningKey, type AuditSigningKey } from './audit-signing-key';
import { AuditTrail } from './audit-trail';

const logger = createLogger('spec', 'error');

function signingSettings(directory: string) {
  return {
    keyFile: join(directory, 'audit-signing-key.pem'),
    publicKeyFile: join(directory, 'audit-signing-key.pub.pem'),
    generateWhenMissing: true,
    intervalMs: 60_000,
  };
}

/** What an intruder with write access to the table does: edit a record, then recompute every later hash. */
async function rewriteAndRecompute(dataSource: DataSource, id: number): Promise<void> {
  const repository = dataSource.getRepository(AuditRecord);
  const rows = await repository.find({ order: { id: 'ASC' } });
  let link: string | null = null;
  for (const row of rows) {
    if (row.id < id) continue;
    if (row.id === id) row.outcome = AuditOutcome.REFUSED;
    if (link !== null) row.previousHash = link;
    const { id: _id, hash: _hash, ...content } = row;
    link = chainHash(content);
    await repository.update(row.id, { outcome: row.outcome, previousHash: row.previousHash, hash: link });
  }
}

describe('signed audit checkpoints', () => {
  let directory: string;
  let dataSource: DataSource;
  let trail: AuditTrail;
  let key: AuditSigningKey;
  let signer: AuditCheckpointSigner;
  const counters = new Counters();

  const appendRequests = async (count: number, prefix: string) => {
    for (let index = 0; index < count; index += 1) await trail.append(entry({ requestId: `${prefix}${index}` }));
  };
  const recordIds = async () =>
    (await dataSource.getRepository(AuditRecord).find({ select: { id: true }, order: { id: 'ASC' } })).map(
      (record) => record.id,
    );

  beforeEach(async () => {
    directory = mkdtempSync(join(tmpdir(), 'audit-checkpoint-spec-'));
    dataSource = await openDataSource({
      settings: { kind: 'embedded', schema: 'gateway', poolSize: 1 },
      dataDir: directory,
      entities: GATEWAY_ENTITIES,
      migrations: GATEWAY_MIGRATIONS,
      counters: new Counters(),
      logger,
    });
    trail = new AuditTrail(dataSource, logger);
    key = loadAuditSigningKey(signingSettings(directory), logger, false);
    signer = new AuditCheckpointSigner(() => dataSource, key, logger, counters);
  });
  afterEach(async () => {
    await dataSource.destroy();
  });

  it('signs the head once per change and verifies an untouched chain; later records are not yet signed', async () => {
    expect(await signer.signHead()).toBeNull();
    await appendRequests(5, 'a');
    const checkpoint = await signer.signHead();
    const ids = await recordIds();
    expect(checkpoint).toMatchObject({ headRecordId: ids.at(-1), algorithm: 'SM2_SM3' });
    expect(checkpoint!.keyFingerprint).toBe(key.publicKey.fingerprint);
    expect(checkpoint!.signature).toMatch(/^[0-9a-f]{128}$/);
    // Nothing new: nothing signed.
    expect(await signer.signHead()).toBeNull();
    await appendRequests(3, 'b');
    const publicKey = loadAuditPublicKey(signingSettings(directory).publicKeyFile);
    expect(await verifySignedCheckpoints(dataSource, publicKey)).toMatchObject({
      verified: 1,
      problems: [],
      unsignedRecords: 3,
      lastSigned: { headRecordId: ids.at(-1) },
    });
    // The first record after the signed head: how old it is tells audit:verify whether checkpoints are missing.
    expect((await verifySignedCheckpoints(dataSource, publicKey)).oldestUnsigned?.id).toBe((await recordIds())[5]);
    // An intruder who deletes the signed checkpoints leaves every record unsigned, the oldest first.
    const deleted = await dataSource.getRepository(AuditSignedCheckpoint).find();
    await dataSource.getRepository(AuditSignedCheckpoint).clear();
    expect(await verifySignedCheckpoints(dataSource, publicKey)).toMatchObject({
      verified: 0,
      unsignedRecords: 8,
      oldestUnsigned: { id: ids[0] },
    });
    await dataSource.getRepository(AuditSignedCheckpoint).save(deleted);
    await signer.stop();
    expect(await dataSource.getRepository(AuditSignedCheckpoint).count()).toBe(2);
    expect(await verifySignedCheckpoints(dataSource, publicKey)).toMatchObject({
      verified: 2,
      problems: [],
      unsignedRecords: 0,
    });
    expect(counters.toPrometheus({ service: 'gateway' })).toContain('audit_checkpoints_signed_total');
  });

  it('fails a chain rewritten with every later hash recomputed, naming the checkpoint and record', async () => {
    await appendRequests(6, 'a');
    const first = (await signer.signHead())!;
    await appendRequests(4, 'b');
    const second = (await signer.signHead())!;
    const ids = await recordIds();
    await rewriteAndRecompute(dataSource, ids[2]);
    // The hash chain alone cannot tell: every link and hash is consistent again.
    expect(await trail.verify()).toMatchObject({ intact: true, recordsChecked: 10 });
    const result = await verifySignedCheckpoints(dataSource, key.publicKey);
    expect(result.verified).toBe(0);
    expect(result.problems.map((problem) => [problem.checkpointId, problem.headRecordId])).toEqual([
      [first.id, ids[5]],
      [second.id, ids[9]],
    ]);
    expect(result.problems[0].problem).toContain(`not the signed ${first.headHash}`);
    expect(result.problems[0].problem).toContain(`a record from #1 to #${ids[5]} was rewritten`);
    expect(result.unsignedRecords).toBe(10);
  });

  it('names only the checkpoints after the rewritten record', async () => {
    await appendRequests(3, 'a');
    await signer.signHead();
    await appendRequests(3, 'b');
    const second = (await signer.signHead())!;
    const ids = await recordIds();
    await rewriteAndRecompute(dataSource, ids[4]);
    const result = await verifySignedCheckpoints(dataSource, key.publicKey);
    expect(result).toMatchObject({ verified: 1, unsignedRecords: 3 });
    expect(result.problems).toEqual([expect.objectContaining({ checkpointId: second.id, headRecordId: ids[5] })]);
    expect(result.problems[0].problem).toContain(`a record from #${ids[3]} to #${ids[5]} was rewritten`);
  });

  it('fails a forged or altered signature, a checkpoint moved to another head, and another public key', async () => {
    await appendRequests(4, 'a');
    const checkpoint = (await signer.signHead())!;
    const checkpoints = dataSource.getRepository(AuditSignedCheckpoint);
    const flipped = `${checkpoint.signature.slice(0, 127)}${checkpoint.signature.endsWith('0') ? '1' : '0'}`;
    await checkpoints.update(checkpoint.id, { signature: flipped });
    expect((await verifySignedCheckpoints(dataSource, key.publicKey)).problems[0].problem).toContain(
      'signature does not verify',
    );
    // An intruder signs the rewritten head with a key of their own, naming the published key's fingerprint.
    const intruder = generateSm2KeyPair();
    const intruderKey = loadSm2PrivateKey(intruder.privateKeyPem, loadSm2PublicKey(intruder.publicKeyPem));
    await checkpoints.update(checkpoint.id, {
      signature: intruderKey.sign(checkpointMessage(checkpoint)).toString('hex'),
    });
    expect((await verifySignedCheckpoints(dataSource, key.publicKey)).problems).toHaveLength(1);
    // The genuine signature moved to another head does not verify either.
    await checkpoints.update(checkpoint.id, {
      signature: checkpoint.signature,
      headRecordId: checkpoint.headRecordId - 1,
    });
    expect((await verifySignedCheckpoints(dataSource, key.publicKey)).problems[0].problem).toContain(
      'signature does not verify',
    );
    await checkpoints.update(checkpoint.id, { headRecordId: checkpoint.headRecordId });
    expect((await verifySignedCheckpoints(dataSource, key.publicKey)).problems).toEqual([]);
    // Checked with a key that is not the gateway's.
    const other = loadSm2PublicKey(generateSm2KeyPair().publicKeyPem);
    expect((await verifySignedCheckpoints(dataSource, other)).problems[0].problem).toContain(
      `not the published key ${other.fingerprint}`,
    );
  });

  it('counts checkpoints of pruned records apart and still verifies what remains', async () => {
    const old = new Date(Date.now() - 200 * 86_400_000);
    for (let index = 0; index < 3; index += 1) await trail.append(entry({ requestId: `old${index}`, occurredAt: old }));
    await signer.signHead();
    await appendRequests(2, 'new');
    expect(await trail.prune(184)).toBe(3);
    await signer.signHead();
    expect(await verifySignedCheckpoints(dataSource, key.publicKey)).toMatchObject({
      verified: 1,
      pruned: 1,
      problems: [],
      unsignedRecords: 0,
    });
  });
});

describe('the audit signing key', () => {
  it('is generated once into the data directory, owner-readable only, and reused', () => {
    const directory = mkdtempSync(join(tmpdir(), 'audit-key-spec-'));
    const settings = signingSettings(directory);
    const first = loadAuditSigningKey(settings, logger, false);
    expect(statSync(settings.keyFile).mode & 0o777).toBe(0o600);
    expect(loadAuditPublicKey(settings.publicKeyFile).fingerprint).toBe(first.publicKey.fingerprint);
    const again = loadAuditSigningKey(settings, logger, false);
    expect(again.publicKey.fingerprint).toBe(first.publicKey.fingerprint);
    expect(readFileSync(settings.keyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it('is never generated for a configured file, refused when others can read it in production, and must match its published key', () => {
    const directory = mkdtempSync(join(tmpdir(), 'audit-key-spec-'));
    const settings = { ...signingSettings(directory), generateWhenMissing: false };
    expect(() => loadAuditSigningKey(settings, logger, true)).toThrow(
      `the audit signing key (AUDIT_SIGNING_KEY_FILE) ${settings.keyFile} cannot be read: ENOENT`,
    );
    writeFileSync(settings.keyFile, generateSm2KeyPair().privateKeyPem, { mode: 0o644 });
    chmodSync(settings.keyFile, 0o644);
    expect(() => loadAuditSigningKey(settings, logger, true)).toThrow(/readable by others than its owner/);
    chmodSync(settings.keyFile, 0o600);
    writeFileSync(settings.publicKeyFile, generateSm2KeyPair().publicKeyPem);
    expect(() => loadAuditSigningKey(settings, logger, true)).toThrow(/is not the signing key's/);
  });
});
