import type { EntityManager } from 'typeorm';
import type { CertificateIssuer } from './certificate/certificate-issuer';
import type { LicensingExternals } from './licensing.subgraph';
import type { Actor } from './permit/actor';
import type { Permit } from './permit/permit.entity';
import {
  PlatformUnavailable,
  type DecisionReport,
  type InvestmentProject,
  type NationalPlatforms,
  type TenderAward,
} from './platforms/national-platforms';

// For specs only: in-test stand-ins for what licensing reaches outside the process (national platforms,
// certificate issuer, the clock), handed to platform/testing/subgraph-testbed.ts as `externals`.

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
    findProject: (projectCode: string): Promise<InvestmentProject | null> => {
      this.calls.findProject += 1;
      if (this.investmentDown)
        return Promise.reject(
          new PlatformUnavailable(
            'national investment project platform',
            'connect ECONNREFUSED (switched down in the spec)',
          ),
        );
      return Promise.resolve(this.projects.get(projectCode) ?? null);
    },
  };

  readonly trading = {
    findTenderAward: (projectCode: string): Promise<TenderAward | null> => {
      this.calls.findTenderAward += 1;
      if (this.tradingDown)
        return Promise.reject(
          new PlatformUnavailable('public resource trading platform', 'HTTP 503 (switched down in the spec)'),
        );
      return Promise.resolve(this.awards.get(projectCode) ?? null);
    },
  };

  readonly reporter = {
    enqueue: (manager: EntityManager, report: DecisionReport): Promise<void> => {
      if (this.reporterFails) return Promise.reject(new Error('report outbox unavailable'));
      this.reports.push({ report, inTransaction: inTransactionNow(manager) });
      return Promise.resolve();
    },
  };
}

/** Records each certificate it is asked for, and whether that happened inside the issuing transaction. */
export class RecordingCertificateIssuer implements CertificateIssuer {
  fails = false;
  readonly issued: Array<{ permitNumber: string; inTransaction: boolean }> = [];

  issue(manager: EntityManager, permit: Permit): Promise<{ certificateId: string }> {
    if (this.fails) return Promise.reject(new Error('signing key unavailable'));
    this.issued.push({ permitNumber: permit.number, inTransaction: inTransactionNow(manager) });
    return Promise.resolve({ certificateId: `CERT-${permit.number}` });
  }
}

/** The stand-ins a licensing spec drives: switch a platform down, read what was issued, set `clock.now`. */
export interface LicensingStandIns {
  platforms: FakePlatforms;
  certificates: RecordingCertificateIssuer;
  /** The services' clock: set `clock.now` to move time. */
  clock: { now: Date };
  externals: LicensingExternals;
}

export function licensingStandIns(now: Date = new Date()): LicensingStandIns {
  const platforms = new FakePlatforms();
  const certificates = new RecordingCertificateIssuer();
  const clock = { now };
  return { platforms, certificates, clock, externals: { platforms, certificates, clock: () => clock.now } };
}

export const OFFICER: Actor = { username: 'js-licensing-officer', roles: new Set(['licensing-officer']) };
export const REVIEWER: Actor = { username: 'js-licensing-reviewer', roles: new Set(['licensing-reviewer']) };
export const ZJ_REVIEWER: Actor = { username: 'zj-licensing-reviewer', roles: new Set(['licensing-reviewer']) };
