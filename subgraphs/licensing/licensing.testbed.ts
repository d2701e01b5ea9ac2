import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import type { Identity } from '../../platform/auth/identity';
import { regionScopeOf, type RegionScope } from '../../platform/auth/region-scope';
import type { SubgraphName } from '../../platform/config/config';
import { openDataSource } from '../../platform/database/data-source.factory';
import { DomainError } from '../../platform/errors/domain-error';
import { createLogger } from '../../platform/observability/logger';
import { Counters } from '../../platform/observability/metrics';
import type { EventEnvelope } from '../../platform/outbox/domain-event';
import { EventOutbox, type EventTransport } from '../../platform/outbox/event-outbox';
import { LocalDirectoryFileStore } from '../../platform/storage/file-store';
import { PermitMaterialService } from './attachment/permit-material.service';
import { loadWorkingCalendar } from './calendar/working-calendar';
import type { CertificateIssuer } from './certificate/certificate-issuer';
import { EnterpriseService } from './enterprise/enterprise.service';
import type { LicensingServices } from './licensing.context';
import { licensingSubgraph } from './licensing.subgraph';
import type { Actor } from './permit/actor';
import { PermitSanctionService } from './permit/permit-sanction.service';
import type { Permit } from './permit/permit.entity';
import { PermitService } from './permit/permit.service';
import {
  PlatformUnavailable,
  type DecisionReport,
  type InvestmentProject,
  type NationalPlatforms,
  type TenderAward,
} from './platforms/national-platforms';
import { VehicleService } from './vehicle/vehicle.service';

// For specs only: the licensing schema migrated on a fresh embedded database in a temporary directory,
// with in-test stand-ins for the parts colleagues provide (national platforms, certificate issuer).

const PROJECT_ROOT = join(__dirname, '..', '..', '..');
export const SHIPPED_CALENDAR = join(PROJECT_ROOT, 'subgraphs', 'licensing', 'calendar', 'working-calendar.json');

class UndeliveredTransport implements EventTransport {
  async deliver(subscriber: SubgraphName, envelope: EventEnvelope): Promise<void> {
    throw new Error(`not delivering ${envelope.type} to ${subscriber} in a spec`);
  }
}

function inTransactionNow(manager: EntityManager): boolean {
  return manager.queryRunner?.isTransactionActive === true;
}

/** National platforms that answer from maps and can be switched down, recording what was reported and how. */
export class FakePlatforms implements NationalPlatforms {
  investmentDown = false;
  tradingDown = false;
  reporterFails = false;
  readonly projects = new Map<string, InvestmentProject>();
  readonly awards = new Map<string, TenderAward>();
  readonly reports: Array<{ report: DecisionReport; inTransaction: boolean }> = [];
  readonly calls = { findProject: 0, findTenderAward: 0 };

  readonly investment = {
    findProject: async (projectCode: string): Promise<InvestmentProject | null> => {
      this.calls.findProject += 1;
      if (this.investmentDown)
        throw new PlatformUnavailable(
          'national investment project platform',
          'connect ECONNREFUSED (switched down in the spec)',
        );
      return this.projects.get(projectCode) ?? null;
    },
  };

  readonly trading = {
    findTenderAward: async (projectCode: string): Promise<TenderAward | null> => {
      this.calls.findTenderAward += 1;
      if (this.tradingDown)
        throw new PlatformUnavailable('public resource trading platform', 'HTTP 503 (switched down in the spec)');
      return this.awards.get(projectCode) ?? null;
    },
  };

  readonly reporter = {
    enqueue: async (manager: EntityManager, report: DecisionReport): Promise<void> => {
      if (this.reporterFails) throw new Error('report outbox unavailable');
      this.reports.push({ report, inTransaction: inTransactionNow(manager) });
    },
  };
}

/** Records each certificate it is asked for, and whether that happened inside the issuing transaction. */
export class RecordingCertificateIssuer implements CertificateIssuer {
  fails = false;
  readonly issued: Array<{ permitNumber: string; inTransaction: boolean }> = [];

  async issue(manager: EntityManager, permit: Permit): Promise<{ certificateId: string }> {
    if (this.fails) throw new Error('signing key unavailable');
    this.issued.push({ permitNumber: permit.number, inTransaction: inTransactionNow(manager) });
    return { certificateId: `CERT-${permit.number}` };
  }
}

/** The services of the permit workflow; the platforms and certificates are the in-test stand-ins above. */
export type WorkflowServices = Omit<LicensingServices, 'platforms' | 'certificates'>;

export interface LicensingTestbed {
  dataSource: DataSource;
  services: WorkflowServices;
  platforms: FakePlatforms;
  certificates: RecordingCertificateIssuer;
  fileStoreDirectory: string;
  /** The services' clock: set `clock.now` to move time. */
  clock: { now: Date };
  close(): Promise<void>;
}

export async function openLicensingTestbed(options: { now?: Date } = {}): Promise<LicensingTestbed> {
  const dataDir = mkdtempSync(join(tmpdir(), 'licensing-spec-'));
  const logger = createLogger('spec', 'error');
  const dataSource = await openDataSource({
    settings: { kind: 'embedded', schema: 'licensing', poolSize: 1 },
    dataDir,
    entities: licensingSubgraph.entities,
    migrations: licensingSubgraph.migrations,
    counters: new Counters(),
    logger,
  });
  const outbox = new EventOutbox(
    dataSource,
    new UndeliveredTransport(),
    { source: 'licensing', pollIntervalMs: 60_000, maxBackoffMs: 1 },
    logger,
  );
  const platforms = new FakePlatforms();
  const certificates = new RecordingCertificateIssuer();
  const clock = { now: options.now ?? new Date() };
  const fileStoreDirectory = join(dataDir, 'files');
  const services: WorkflowServices = {
    enterprises: new EnterpriseService(dataSource),
    vehicles: new VehicleService(dataSource, outbox),
    permits: new PermitService(dataSource, outbox, {
      calendar: loadWorkingCalendar(SHIPPED_CALENDAR),
      platforms,
      certificates,
      logger,
      clock: () => clock.now,
    }),
    permitSanctions: new PermitSanctionService(dataSource, logger),
    materials: new PermitMaterialService(dataSource, new LocalDirectoryFileStore(fileStoreDirectory, 'licensing')),
  };
  return {
    dataSource,
    services,
    platforms,
    certificates,
    fileStoreDirectory,
    clock,
    close: async () => {
      await dataSource.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A caller's region scope, as a token with that region gives it. */
export function scopeIn(region: string): RegionScope {
  const caller: Identity = {
    subject: region,
    username: region,
    clientId: 'spec',
    roles: new Set(),
    region,
    department: null,
    serviceAccount: false,
    scopes: new Set(),
  };
  return regionScopeOf(caller);
}

export const OFFICER: Actor = { username: 'js-licensing-officer', roles: new Set(['licensing-officer']) };
export const REVIEWER: Actor = { username: 'js-licensing-reviewer', roles: new Set(['licensing-reviewer']) };
export const ZJ_REVIEWER: Actor = { username: 'zj-licensing-reviewer', roles: new Set(['licensing-reviewer']) };

/** The error a call fails with, so a spec can look at its code, reason and field. */
export async function failure(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
