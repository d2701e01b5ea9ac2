import type { SubgraphName } from '../config/config';

/** What each event carries. Payloads hold codes and facts, never personal information. */
export interface EventPayloads {
  'permit.issued': {
    permitNumber: string;
    kind: string;
    creditCode: string;
    regionCode: string;
    issuedAt: string;
    /** The holder's registered name; public with the licence under 双公示 (an enterprise's name is not personal). */
    enterpriseName: string;
    /** The permit kind's name (许可事项), e.g. 道路旅客运输经营许可. */
    matter: string;
    /** The regulations the kind rests on, as licensing declares them (permit-kind.ts). */
    legalBasis: string;
    /** China Standard Time dates YYYY-MM-DD. */
    validFrom: string;
    validUntil: string;
    /**
     * For HAZARDOUS_GOODS_TRANSPORT: the GB 6944 classes or divisions covered; safety accepts waybills of
     * the holder only for these. Absent in events from before it was recorded.
     */
    hazardClasses?: string[];
  };
  /** An enterprise entered the registry; credit keeps credit code -> name to name penalised enterprises. */
  'enterprise.registered': { creditCode: string; name: string; regionCode: string; registeredAt: string };
  'case.filed': {
    caseNumber: string;
    regionCode: string;
    creditCode: string | null;
    plateNumber: string | null;
    filedAt: string;
  };
  'case.decided': {
    caseNumber: string;
    regionCode: string;
    creditCode: string | null;
    plateNumber: string | null;
    /** What the party did (违法行为), as the case was filed; free text, masked where it is read. */
    cause: string;
    penalty: string;
    fineFen: number | null;
    /** The permit a PERMIT_SUSPENSION or PERMIT_REVOCATION names; licensing applies it. */
    permitNumber: string | null;
    summary: string;
    decidedAt: string;
    /**
     * For a case opened from weigh-station records (治超): how far its worst record was above the limit,
     * in percent (one decimal). Absent or null for any other case. Credit counts repeated overloads.
     */
    overloadExcessPercent?: number | null;
  };
  /**
   * A permit was suspended (暂扣), restored or revoked (吊销): by a reviewer, or by an enforcement decision
   * (`caseNumber`). Credit revises the licence's 双公示 record; the reason stays in licensing (free text).
   */
  'permit.status-changed': {
    permitNumber: string;
    creditCode: string;
    /** The issuing region; the authority that changed the status is the issuing one or enforcement's. */
    regionCode: string;
    fromStatus: 'VALID' | 'SUSPENDED' | 'REVOKED';
    toStatus: 'VALID' | 'SUSPENDED' | 'REVOKED';
    /** The enforcement case whose decision made the change; null when a reviewer made it. */
    caseNumber: string | null;
    changedAt: string;
  };
  /**
   * An enterprise entered or left a credit list (信用名单). Licensing keeps who is on the serious-dishonesty
   * list to apply joint discipline (联合惩戒) when approving permits. `version` orders the changes of one entry.
   */
  'credit.list-changed': {
    entryId: string;
    version: number;
    list: 'SERIOUS_DISHONESTY';
    creditCode: string;
    listed: boolean;
    /** The criterion met (列入依据), e.g. PERMIT_REVOKED; a code, the description is credit's. */
    criterion: string;
    startedAt: string;
    plannedRemovalAt: string | null;
    removedAt: string | null;
    /**
     * What this version did: LISTED (version 1), DECISION_ADDED, REMOVED. The listing authority's region,
     * and why the entry left (EXPIRED, REPAIRED…). All three absent in events from before they were recorded.
     */
    action?: 'LISTED' | 'DECISION_ADDED' | 'REMOVED';
    regionCode?: string;
    removalReason?: string | null;
  };
  /**
   * A 双公示 disclosure was published by credit's publication job. `late` when it was published after its
   * deadline (公示期限, `publishBy`, the 7th working day after the decision). Statistics counts publications.
   */
  'credit.disclosure-published': {
    disclosureId: string;
    kind: 'ADMINISTRATIVE_LICENSE' | 'ADMINISTRATIVE_PENALTY';
    /** The deciding authority's region. */
    regionCode: string;
    decidedAt: string;
    publishBy: string;
    publishedAt: string;
    late: boolean;
    /** A `credit.disclosure-overdue` went out for it before it could be published (absent: none did). */
    overdueCounted?: boolean;
  };
  /**
   * A 双公示 disclosure's deadline passed with it unpublished (逾期未公示: credit does not know the
   * counterpart's name yet); told once by credit's publication job.
   */
  'credit.disclosure-overdue': {
    disclosureId: string;
    kind: 'ADMINISTRATIVE_LICENSE' | 'ADMINISTRATIVE_PENALTY';
    regionCode: string;
    publishBy: string;
  };
  /** A credit repair application (信用修复) was decided: approved (the display ended) or refused. */
  'credit.repair-decided': {
    applicationId: string;
    /** The deciding authority's region (the penalty's). */
    regionCode: string;
    approved: boolean;
    filedAt: string;
    decidedAt: string;
  };
  'vehicle.registered': {
    plateNumber: string;
    ownerCreditCode: string;
    regionCode: string;
    registeredAt: string;
    /** The following are absent in events from before they were recorded. */
    category?: string | null;
    transportCertificateNumber?: string;
    approvedLoadKg?: number | null;
    hazardClasses?: string[];
  };
  /** A road transport certificate (道路运输证) was suspended, restored or revoked; safety stops its waybills. */
  'vehicle.certificate-changed': {
    plateNumber: string;
    regionCode: string;
    fromStatus: 'VALID' | 'SUSPENDED' | 'REVOKED';
    toStatus: 'VALID' | 'SUSPENDED' | 'REVOKED';
    changedAt: string;
  };
  'waybill.created': {
    waybillNumber: string;
    carrierCreditCode: string;
    plateNumber: string;
    originRegionCode: string;
    createdAt: string;
    /** GB 6944 class or division of the goods, and where they go; absent in events from before they were recorded. */
    hazardClass?: string;
    destinationRegionCode?: string;
    /** Provinces on the route in order (xx0000), the origin's first and the destination's last. */
    routeProvinceCodes?: string[];
  };
  /**
   * Monitoring raised alerts (联网联控报警) from key vehicles' positions or a silence (OFFLINE); one event per
   * alert, in the transaction that stores it. The vehicle's certifying region handles it.
   */
  'safety-alert.raised': {
    kind: string;
    regionCode: string;
    occurredAt: string;
  };
  /**
   * A China day of networked monitoring closed: per certifying region (county), how many key vehicles
   * (两客一危) the registry held and how many of them sent at least one position that day (在线).
   */
  'monitoring.day-closed': {
    /** China date YYYY-MM-DD. */
    day: string;
    regionCode: string;
    monitoredVehicles: number;
    onlineVehicles: number;
  };
  /** A hidden hazard (隐患) was found at an inspection; `deadline` is the China date it must be rectified by. */
  'hazard.found': {
    hazardId: number;
    regionCode: string;
    level: string;
    foundOn: string;
    deadline: string;
    recordedAt: string;
  };
  /**
   * A hidden hazard's rectification was verified (销号); `late` when closed after its deadline day, and
   * `overdueCounted` when a `hazard.overdue` went out for it before (absent: none did).
   */
  'hazard.closed': {
    hazardId: number;
    regionCode: string;
    level: string;
    deadline: string;
    closedAt: string;
    late: boolean;
    overdueCounted?: boolean;
  };
  /** A hidden hazard's deadline passed with it not closed (逾期未整改), told once by safety's sweep. */
  'hazard.overdue': {
    hazardId: number;
    regionCode: string;
    level: string;
    deadline: string;
  };
  /**
   * A safety officer handed a monitoring alert (联网联控报警: speeding, fatigue, a coach at night, offline)
   * to enforcement; enforcement opens a draft case in the vehicle's certifying region. `alertId` is the key:
   * one alert opens at most one case.
   */
  'safety-alert.escalated': {
    alertId: number;
    kind: string;
    plateNumber: string;
    ownerCreditCode: string;
    regionCode: string;
    occurredAt: string;
    /** What the alert says, in Chinese, as the case's cause (案由) starts. */
    description: string;
    escalatedBy: string;
    escalatedAt: string;
  };
  /** A permit application was received (网上申请收到); statistics counts applications by kind. */
  'permit-application.received': {
    applicationNumber: string;
    kind: string;
    /** The handling authority's region. */
    regionCode: string;
    receivedAt: string;
  };
  /**
   * A permit application was decided: approved (准予许可) or refused (不予受理 / 不予许可). Working days are
   * counted on licensing's working-day calendar from acceptance (受理), or from receipt when it was refused
   * without being accepted; overdue when decided after its decision due date.
   */
  'permit-application.decided': {
    applicationNumber: string;
    kind: string;
    regionCode: string;
    outcome: 'APPROVED' | 'REFUSED';
    receivedAt: string;
    acceptedAt: string | null;
    decidedAt: string;
    /** YYYY-MM-DD China time; null when it was never accepted. */
    decisionDueDate: string | null;
    workingDays: number;
    overdue: boolean;
  };
  /**
   * An accepted application's decision deadline passed undecided (超期): published once per application,
   * by licensing's deadline sweep or by a decision made after the deadline, whichever comes first.
   */
  'permit-application.overdue': {
    applicationNumber: string;
    kind: string;
    regionCode: string;
    /** YYYY-MM-DD China time: the last day for the decision. */
    decisionDueDate: string;
    /** The start (00:00 China time) of the first day past the deadline, as an ISO instant. */
    overdueAt: string;
  };
  /** A case was handed over to another region (案件移送), on the receiving region's acceptance. */
  'case.transferred': {
    caseNumber: string;
    fromRegionCode: string;
    toRegionCode: string;
    transferredAt: string;
  };
  /** A region asked another to assist on a case (协查请求). */
  'case.assistance-requested': {
    requestId: number;
    caseNumber: string;
    requestingRegionCode: string;
    assistingRegionCode: string;
    requestedAt: string;
  };
  /**
   * Weigh-station records stored from one batch (治超检测), summed per station and China Standard Time
   * month: how many vehicles were weighed and how many of them overloaded. No plates: counts only.
   */
  'overload-records.weighed': {
    stationCode: string;
    /** The county the station stands in. */
    regionCode: string;
    /** The first and last detection summed, ISO instants in one CST month. */
    firstDetectedAt: string;
    lastDetectedAt: string;
    weighed: number;
    overloaded: number;
  };
}

export type EventType = keyof EventPayloads;

export interface EventEnvelope<TType extends EventType = EventType> {
  /** Unique per event; subscribers apply an id once. */
  id: string;
  type: TType;
  source: SubgraphName;
  occurredAt: string;
  payload: EventPayloads[TType];
}

/** Who hears what. A new subscriber is one line here plus a handler in its subgraph. */
export const EVENT_SUBSCRIBERS: Readonly<Record<EventType, readonly SubgraphName[]>> = {
  // Safety accepts hazardous-goods waybills only from holders of a valid permit covering the class.
  'permit.issued': ['statistics', 'credit', 'safety'],
  // Credit names the counterparts of its 双公示 disclosures; enforcement's decisions carry only the credit code.
  'enterprise.registered': ['credit'],
  'case.filed': ['statistics'],
  // Credit revises the licence's 双公示 record and counts revocations toward the serious-dishonesty list.
  // Safety blocks new waybills of a carrier whose hazardous-goods permit is suspended or revoked.
  'permit.status-changed': ['credit', 'safety'],
  // Licensing refuses or asks a reason for permits to enterprises on the serious-dishonesty list (联合惩戒).
  // Statistics counts list entries, removals, publications and repairs.
  'credit.list-changed': ['licensing', 'statistics'],
  'credit.disclosure-published': ['statistics'],
  'credit.disclosure-overdue': ['statistics'],
  'credit.repair-decided': ['statistics'],
  'case.decided': ['credit', 'statistics', 'licensing'],
  // Enforcement keeps plate -> owner to link weigh-station records to enterprises without reading licensing's tables.
  // Safety checks waybills' vehicles and finds key vehicles (两客一危) for networked monitoring.
  'vehicle.registered': ['enforcement', 'safety'],
  'vehicle.certificate-changed': ['safety'],
  'waybill.created': ['statistics'],
  // Enforcement opens a draft case from an escalated monitoring alert, as it does from an overload record.
  'safety-alert.escalated': ['enforcement'],
  // Statistics counts applications received and decided, overdue decisions and working days to decide.
  'permit-application.received': ['statistics'],
  'permit-application.decided': ['statistics'],
  'permit-application.overdue': ['statistics'],
  // Statistics counts exchanges between regions and weighings by station.
  'case.transferred': ['statistics'],
  'case.assistance-requested': ['statistics'],
  'overload-records.weighed': ['statistics'],
  'safety-alert.raised': ['statistics'],
  'monitoring.day-closed': ['statistics'],
  'hazard.found': ['statistics'],
  'hazard.closed': ['statistics'],
  'hazard.overdue': ['statistics'],
};

export const EVENT_TYPES = Object.keys(EVENT_SUBSCRIBERS) as EventType[];
