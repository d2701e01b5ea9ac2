import { In, MoreThan, type DataSource } from 'typeorm';
import type { Sm2PublicKey } from '../../platform/crypto/sm2-signature';
import { CHECKPOINT_ALGORITHM, checkpointMessage } from './audit-checkpoint-signer';
import { AuditRecord, AuditRecordKind } from './audit-record.entity';
import { AuditSignedCheckpoint } from './audit-signed-checkpoint.entity';

export interface CheckpointProblem {
  checkpointId: number;
  headRecordId: number;
  problem: string;
}

export interface CheckpointVerification {
  /** Signed checkpoints whose signature verified and whose head the chain still hashes to. */
  verified: number;
  /** Signed checkpoints whose head record was pruned since (their signature is still checked). */
  pruned: number;
  problems: CheckpointProblem[];
  /** The newest head that verified, and when it was signed. */
  lastSigned: { checkpointId: number; headRecordId: number; signedAt: Date } | null;
  /** Records after the last verified signed head. */
  unsignedRecords: number;
  /** The first of them: the gateway signs within its interval, so an old one means deleted checkpoints or a gateway down since a crash. */
  oldestUnsigned: { id: number; occurredAt: Date } | null;
}

/**
 * Checks every signed checkpoint against the published public key, and that the record it names still
 * carries the signed hash. With the chain walk (AuditTrail.verify: every record hashes its content and
 * the previous hash) this means the chain up to each signed head is the one that was signed: a record
 * rewritten with every later hash recomputed changes the hash of every later head.
 */
export async function verifySignedCheckpoints(
  dataSource: DataSource,
  publicKey: Sm2PublicKey,
  batchSize = 1000,
): Promise<CheckpointVerification> {
  const records = dataSource.getRepository(AuditRecord);
  // Pruning leaves a checkpoint record naming the last pruned id; heads up to it are gone by design.
  const pruneCheckpoint = await records.findOne({ where: { kind: AuditRecordKind.CHECKPOINT }, order: { id: 'DESC' } });
  const prunedThroughId = pruneCheckpoint
    ? (JSON.parse(pruneCheckpoint.variables) as { prunedThroughId: number }).prunedThroughId
    : 0;
  const result: CheckpointVerification = {
    verified: 0,
    pruned: 0,
    problems: [],
    lastSigned: null,
    unsignedRecords: 0,
    oldestUnsigned: null,
  };
  // The last head that verified: a rewritten record lies after it.
  let lastGoodHead = prunedThroughId;
  let afterId = 0;
  for (;;) {
    const checkpoints = await dataSource
      .getRepository(AuditSignedCheckpoint)
      .find({ where: { id: MoreThan(afterId) }, order: { id: 'ASC' }, take: batchSize });
    if (checkpoints.length === 0) break;
    afterId = checkpoints.at(-1)!.id;
    const heads = await records.find({
      select: { id: true, hash: true },
      where: { id: In([...new Set(checkpoints.map((checkpoint) => checkpoint.headRecordId))]) },
    });
    const hashOf = new Map(heads.map((head) => [head.id, head.hash]));
    for (const checkpoint of checkpoints) {
      const fail = (problem: string) =>
        result.problems.push({ checkpointId: checkpoint.id, headRecordId: checkpoint.headRecordId, problem });
      if (checkpoint.algorithm !== CHECKPOINT_ALGORITHM) {
        fail(`it names algorithm ${checkpoint.algorithm}, not ${CHECKPOINT_ALGORITHM}`);
        continue;
      }
      if (checkpoint.keyFingerprint !== publicKey.fingerprint) {
        fail(`it was signed by key ${checkpoint.keyFingerprint}, not the published key ${publicKey.fingerprint}`);
        continue;
      }
      if (!publicKey.verify(checkpointMessage(checkpoint), Buffer.from(checkpoint.signature, 'hex'))) {
        fail('its signature does not verify with the published public key (the checkpoint was forged or altered)');
        continue;
      }
      const hash = hashOf.get(checkpoint.headRecordId);
      if (hash === undefined) {
        if (checkpoint.headRecordId <= prunedThroughId) {
          result.pruned += 1;
          continue;
        }
        fail(`its signed head record #${checkpoint.headRecordId} is missing (removed from the trail)`);
        continue;
      }
      if (hash !== checkpoint.headHash) {
        fail(
          `record #${checkpoint.headRecordId} now hashes to ${hash}, not the signed ${checkpoint.headHash}: ` +
            `a record from #${lastGoodHead + 1} to #${checkpoint.headRecordId} was rewritten and the later hashes recomputed`,
        );
        continue;
      }
      result.verified += 1;
      lastGoodHead = Math.max(lastGoodHead, checkpoint.headRecordId);
      if (!result.lastSigned || checkpoint.headRecordId >= result.lastSigned.headRecordId)
        result.lastSigned = {
          checkpointId: checkpoint.id,
          headRecordId: checkpoint.headRecordId,
          signedAt: checkpoint.signedAt,
        };
    }
  }
  const unsigned = { id: MoreThan(Math.max(result.lastSigned?.headRecordId ?? 0, prunedThroughId)) };
  result.unsignedRecords = await records.count({ where: unsigned });
  const oldest = await records.findOne({
    select: { id: true, occurredAt: true },
    where: unsigned,
    order: { id: 'ASC' },
  });
  result.oldestUnsigned = oldest ? { id: oldest.id, occurredAt: oldest.occurredAt } : null;
  return result;
}
