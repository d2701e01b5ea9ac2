import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { AuditSignedCheckpoint } from '../gateway/audit/audit-signed-checkpoint.entity';
import { openGatewayDatabase } from '../gateway/audit/audit-database';
import { AuditTrail } from '../gateway/audit/audit-trail';
import { verifySignedCheckpoints } from '../gateway/audit/audit-checkpoint-verification';
import { loadAuditPublicKey } from '../gateway/audit/audit-signing-key';
import { sm2PublicKeyPem } from '../platform/crypto/sm2-key-encoding';
import type { Sm2PublicKey } from '../platform/crypto/sm2-signature';
import { auditJournalDirectory, inspectJournal } from '../gateway/audit/audit-journal';
import { GATEWAY_CONFIG } from '../gateway/gateway.config';
import { loadProcessConfigOrExit } from '../platform/config/config';
import { cryptoSelfTestOrExit } from '../platform/crypto/self-test';
import { createLogger } from '../platform/observability/logger';

// `npm run audit:verify`: walks the gateway's audit chain and names the first broken record (exit 1); checks
// every signed checkpoint against the published public key and that the chain still hashes to each signed
// head (exit 1 naming the checkpoint and record); then reads the gateway's journal: records not yet shipped
// into the trail, and any line torn or altered (exit 1).
async function main(): Promise<void> {
  // A verdict is only as good as the SM2 and SM3 that reached it.
  cryptoSelfTestOrExit('audit-verify');
  const { config, settings } = loadProcessConfigOrExit({ gateway: GATEWAY_CONFIG });
  const journalDirectory = auditJournalDirectory(config.dataDir, settings.gateway.audit.journalDirectory);
  const journal = inspectJournal(journalDirectory);
  const journalReport = () => {
    console.log(
      `audit journal ${journalDirectory}: ${journal.unshipped} records not yet shipped into the trail` +
        (journal.unshipped > 0 ? ' (the gateway ships them when the database is reachable)' : ''),
    );
    for (const problem of journal.problems)
      console.log(`audit journal BROKEN: segment ${problem.segment}, line ${problem.line}: ${problem.problem}`);
    if (journal.problems.length > 0) process.exitCode = 1;
  };
  const logger = createLogger('audit-verify', 'warn');
  const signing = settings.gateway.audit.signing;
  let publicKey: Sm2PublicKey | null = null;
  try {
    publicKey = loadAuditPublicKey(signing.publicKeyFile);
    console.log(
      `审计签名公钥 / audit signing public key: ${signing.publicKeyFile}, SM2, 指纹 fingerprint (SM3 of SubjectPublicKeyInfo) ${publicKey.fingerprint}`,
    );
    console.log(sm2PublicKeyPem(publicKey.hex).trimEnd());
  } catch (error) {
    console.log(
      `审计签名公钥不可用 / no audit signing public key: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const dataSource = await openGatewayDatabase(config, logger);
  try {
    const result = await new AuditTrail(dataSource, logger).verify();
    const anchored =
      result.anchoredAt === null
        ? 'from the first record'
        : `from the checkpoint after pruned record #${result.anchoredAt}`;
    if (result.intact) {
      console.log(`audit chain intact: ${result.recordsChecked} records verified ${anchored} (SM3)`);
    } else {
      console.log(
        `audit chain BROKEN at record #${result.firstBrokenId}: ${result.problem}; ${result.recordsChecked} records before it verified ${anchored}`,
      );
      process.exitCode = 1;
    }
    await checkpointReport(dataSource, publicKey, signing.intervalMs);
    journalReport();
  } finally {
    await dataSource.destroy();
  }
}

/** Signed checkpoints: each must verify and name a head the chain still hashes to; then what is not yet signed. */
async function checkpointReport(
  dataSource: DataSource,
  publicKey: Sm2PublicKey | null,
  signingIntervalMs: number,
): Promise<void> {
  const signedCount = await dataSource.getRepository(AuditSignedCheckpoint).count();
  if (!publicKey) {
    if (signedCount > 0) {
      console.log(
        `签名检查点无法验证 / signed checkpoints BROKEN: ${signedCount} cannot be checked without the public key`,
      );
      process.exitCode = 1;
    }
    return;
  }
  const checked = await verifySignedCheckpoints(dataSource, publicKey);
  for (const { checkpointId, headRecordId, problem } of checked.problems)
    console.log(
      `签名检查点验证失败 / signed checkpoint BROKEN: checkpoint #${checkpointId} (head record #${headRecordId}): ${problem}`,
    );
  if (checked.problems.length > 0) process.exitCode = 1;
  const last = checked.lastSigned
    ? `; the last signs record #${checked.lastSigned.headRecordId} at ${checked.lastSigned.signedAt.toISOString()}`
    : '';
  console.log(
    `签名检查点 / signed checkpoints: ${checked.verified} verified (SM2), ${checked.pruned} for pruned records, ${checked.problems.length} broken${last}`,
  );
  console.log(`尚未签名 / not yet signed (${checked.unsignedRecords} records)`);
  // A running gateway signs its head every interval and at shutdown: an unsigned record much older than that
  // means signed checkpoints were deleted (to hide a rewrite), or the gateway has not run since it crashed.
  const graceMs = 2 * signingIntervalMs + 120_000;
  const oldest = checked.oldestUnsigned;
  if (oldest && Date.now() - oldest.occurredAt.getTime() > graceMs) {
    console.log(
      `签名检查点缺失 / signed checkpoints MISSING: record #${oldest.id}, written ${oldest.occurredAt.toISOString()}, was never signed though the gateway signs within ${Math.round(signingIntervalMs / 1000)} s: checkpoints were deleted, or the gateway has not run since it stopped uncleanly (start it, then verify again)`,
    );
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(`audit verification failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
