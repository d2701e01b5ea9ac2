import type { EntityManager } from 'typeorm';

/** What the national safety supervision platform (国家安全生产监管平台) is told about. */
export const SAFETY_REPORT_TYPES = ['MAJOR_HAZARD', 'ACCIDENT', 'CROSS_PROVINCE_WAYBILL'] as const;
export type SafetyReportType = (typeof SAFETY_REPORT_TYPES)[number];

/**
 * One version of a report: a major hidden hazard (重大隐患) and its rectification, an accident report
 * (事故快报) and its follow-ups, or a cross-province waybill's summary. `version` counts from 1 per
 * (type, id); the payload holds facts and codes, never personal information.
 */
export interface SafetyReport {
  reportType: SafetyReportType;
  /** The report's identifier within its type: the hazard's, accident's or waybill's number. */
  reportId: string;
  version: number;
  /** GB/T 2260 code of the reporting region. */
  regionCode: string;
  payload: Record<string, unknown>;
}

/** Where safety records what must reach the national platform, in the transaction that made the change. */
export interface SafetyReportSink {
  record(manager: EntityManager, report: SafetyReport): Promise<void>;
}
