import type { DataSource } from 'typeorm';
import type { Logger } from '../../platform/observability/logger';
import { describeError } from '../../platform/observability/logger';
import { Counters } from '../../platform/observability/metrics';
import { wholeSeconds } from '../../platform/time/whole-seconds';
import { GatewayDatabaseUnavailable } from './audit-database';
import { AuditRecord } from './audit-record.entity';
import { AuditSignedCheckpoint } from './audit-signed-checkpoint.entity';
import type { AuditSigningKey } from './audit-signing-key';

export const CHECKPOINT_ALGORITHM = 'SM2_SM3';
export const AUDIT_CHECKPOINTS_METRIC = 'audit_checkpoints_signed_total';
/** Summed over signatures: time spent computing them, off the request path. */
export const AUDIT_CHECKPOINT_SIGN_MICROSECONDS_METRIC = 'audit_checkpoint_sign_microseconds_total';

/** What is signed: a versioned JSON array of the head record's id and hash, the time and the key's fingerprint. */
export function checkpointMessage(
  checkpoint: Pick<AuditSignedCheckpoint, 'headRecordId' | 'headHash' | 'signedAt' | 'keyFingerprint'>,
): Buffer {
  return Buffer.from(
    JSON.stringify([
      'single-window audit checkpoint v1',
      checkpoint.headRecordId,
      checkpoint.headHash,
      wholeSeconds(checkpoint.signedAt).toISOString(),
      checkpoint.keyFingerprint,
    ]),
    'utf8',
  );
}

/**
 * Signs the audit chain's head with the gateway's SM2 key on a timer and after each prune checkpoint,
 * never on a request's path; nothing is written when the head has not moved since the last signature.
 * Signatures sit in their own table and take no chain lock: the head read is committed, and a record
 * once committed never changes, so a signature names exactly the chain up to it.
 */
export class AuditCheckpointSigner {
  private timer: NodeJS.Timeout | null = null;
  private signing: Promise<AuditSignedCheckpoint | null> | null = null;

  constructor(
    private readonly dataSource: () => DataSource,
    private readonly key: AuditSigningKey,
    private readonly logger: Logger,
    private readonly counters = new Counters(),
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.signHeadLogged(), intervalMs);
    this.timer.unref();
  }

  /** Signs the head unless it is signed already; one signing at a time. Null when nothing was signed. */
  signHead(now = new Date()): Promise<AuditSignedCheckpoint | null> {
    const previous = this.signing ?? Promise.resolve(null);
    const next = previous.catch(() => null).then(() => this.signOnce(now));
    this.signing = next;
    return next.finally(() => {
      if (this.signing === next) this.signing = null;
    });
  }

  /** signHead for timers and the prune: a failure is logged, an outage is waited out silently. */
  signHeadLogged(): Promise<void> {
    return this.signHead().then(
      () => undefined,
      (error: unknown) => {
        // The journal holds the records meanwhile; the next tick after the outage signs them.
        if (!(error instanceof GatewayDatabaseUnavailable))
          this.logger.error('audit checkpoint could not be signed', describeError(error));
      },
    );
  }

  /** Stops the timer and signs what was written up to now, so a clean stop leaves nothing unsigned. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.signHeadLogged();
  }

  private async signOnce(now: Date): Promise<AuditSignedCheckpoint | null> {
    const dataSource = this.dataSource();
    const [head] = await dataSource
      .getRepository(AuditRecord)
      .find({ select: { id: true, hash: true }, order: { id: 'DESC' }, take: 1 });
    if (!head) return null;
    const fingerprint = this.key.publicKey.fingerprint;
    const checkpoints = dataSource.getRepository(AuditSignedCheckpoint);
    const [last] = await checkpoints.find({ order: { id: 'DESC' }, take: 1 });
    if (last && last.headRecordId === head.id && last.keyFingerprint === fingerprint) return null;
    const unsigned = {
      headRecordId: head.id,
      headHash: head.hash,
      signedAt: wholeSeconds(now),
      keyFingerprint: fingerprint,
    };
    const started = process.hrtime.bigint();
    const signature = this.key.privateKey.sign(checkpointMessage(unsigned)).toString('hex');
    this.counters.increment(
      AUDIT_CHECKPOINT_SIGN_MICROSECONDS_METRIC,
      Number((process.hrtime.bigint() - started) / 1000n),
    );
    const checkpoint = checkpoints.create({ ...unsigned, algorithm: CHECKPOINT_ALGORITHM, signature });
    await checkpoints.insert(checkpoint);
    this.counters.increment(AUDIT_CHECKPOINTS_METRIC);
    // A copy outside the database: whoever can rewrite the tables cannot rewrite the shipped logs.
    this.logger.info('audit checkpoint signed', {
      headRecordId: checkpoint.headRecordId,
      headHash: checkpoint.headHash,
      keyFingerprint: fingerprint,
      signature,
    });
    return checkpoint;
  }
}
