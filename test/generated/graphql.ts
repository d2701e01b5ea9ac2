/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `SafeInt` scalar type represents non-fractional signed whole numeric values that are considered safe as defined by the ECMAScript specification. */
  SafeInt: { input: number; output: number; }
};

/** The receiving region’s acceptance of a transfer (接收移送): it handles the case from now on. */
export type AcceptCaseTransferInput = {
  /** Case number. */
  caseNumber: Scalars['String']['input'];
  /** A comment recorded with the acceptance (up to 1000 characters). */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
};

/** Grade of a production safety accident (事故等级), after the 2007 regulations, article 3. */
export type AccidentSeverity =
  /** Extraordinarily major (特别重大事故): 30+ deaths, 100+ serious injuries or 100+ million yuan. */
  | 'EXTRAORDINARY'
  /** General (一般事故): under 3 deaths, 10 serious injuries and 10 million yuan. */
  | 'GENERAL'
  /** Larger (较大事故): 3-9 deaths, 10-49 serious injuries or 10-50 million yuan. */
  | 'LARGER'
  /** Major (重大事故): 10-29 deaths, 50-99 serious injuries or 50-100 million yuan. */
  | 'MAJOR';

/** An alert to acknowledge (确认报警). */
export type AcknowledgeSafetyAlertInput = {
  /** The alert’s number. */
  alertId: Scalars['Int']['input'];
  /** The version you read; CONFLICT when the alert has changed since. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
};

/** An item of evidence the region asked collected for an assistance request; handed over with the answer. */
export type AddAssistanceEvidenceInput = {
  /** The assistance request. */
  assistanceRequestId: Scalars['ID']['input'];
  /** When the evidence was collected (UTC); not in the future. */
  collectedAt: Scalars['DateTimeISO']['input'];
  /** The file’s bytes, standard base64 (up to 512 KiB once decoded). */
  contentBase64: Scalars['String']['input'];
  /** The file name as collected (1-200 characters, no path). */
  fileName: Scalars['String']['input'];
  /** What the item is. */
  kind: EvidenceKind;
  /** What the item shows or records (1-200 characters). */
  title: Scalars['String']['input'];
};

/** An item of evidence the handling region collected on its case (调查取证). */
export type AddCaseEvidenceInput = {
  /** Case number. */
  caseNumber: Scalars['String']['input'];
  /** When the evidence was collected (UTC); not in the future. */
  collectedAt: Scalars['DateTimeISO']['input'];
  /** The file’s bytes, standard base64 (up to 512 KiB once decoded). */
  contentBase64: Scalars['String']['input'];
  /** The file name as collected (1-200 characters, no path). */
  fileName: Scalars['String']['input'];
  /** What the item is. */
  kind: EvidenceKind;
  /** What the item shows or records (1-200 characters). */
  title: Scalars['String']['input'];
};

/** The answer of the region asked (协查答复); the evidence it collected is handed over with it, digests verified. */
export type AnswerAssistanceInput = {
  /** What the investigation found (1-2000 characters). */
  answer: Scalars['String']['input'];
  /** The assistance request. */
  assistanceRequestId: Scalars['ID']['input'];
};

/** What was done to an application in one recorded step. */
export type ApplicationAction =
  /** Accepted (受理); the decision deadline starts. */
  | 'ACCEPT'
  /** Approved, with any conditions (准予许可). */
  | 'APPROVE'
  /** Extension approved; the deadline moved. */
  | 'APPROVE_EXTENSION'
  /** A province on the route approved its segment (并联许可). */
  | 'APPROVE_SEGMENT'
  /** A national platform could not be reached; the application waits for it. */
  | 'AWAIT_EXTERNAL_VERIFICATION'
  /** The national platform answered that what was waited for is not on record. */
  | 'EXTERNAL_VERIFICATION_FAILED'
  /** The national platform confirmed what was waited for. */
  | 'EXTERNAL_VERIFICATION_PASSED'
  /** The permit and its electronic certificate issued (颁发许可证件). */
  | 'ISSUE'
  /** Extension refused; the deadline stands. */
  | 'REFUSE_EXTENSION'
  /** A province on the route refused its segment, refusing the application. */
  | 'REFUSE_SEGMENT'
  /** Refused, with reasons. */
  | 'REJECT'
  /** Extension of the decision deadline requested (延长审查期限). */
  | 'REQUEST_EXTENSION'
  /** Resubmitted with the missing materials (补正). */
  | 'RESUBMIT'
  /** Returned with one notice listing everything missing (一次性告知). */
  | 'RETURN'
  /** Review opinion recorded (审查意见). */
  | 'REVIEW'
  /** Submitted online (网上申请). */
  | 'SUBMIT'
  /** Withdrawn by the applicant. */
  | 'WITHDRAW';

/** Acts on an application at the version the officer saw. */
export type ApplicationActionInput = {
  /** Application number. */
  applicationNumber: Scalars['String']['input'];
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
};

/** Where a permit application stands in the procedure. */
export type ApplicationStatus =
  /** Accepted; the decision deadline runs from acceptance. Awaiting review or decision. */
  | 'ACCEPTED'
  /** Approved (准予许可); the permit and its electronic certificate have been issued. */
  | 'APPROVED'
  /** Waiting for a national platform that could not be reached; re-checked in the background, never decided unverified. */
  | 'AWAITING_EXTERNAL_VERIFICATION'
  /** Refused, with reasons: not accepted (不予受理) or not granted (不予许可). */
  | 'REJECTED'
  /** Returned with one notice listing everything missing (一次性告知补正); awaiting resubmission. */
  | 'RETURNED'
  /** A reviewer has recorded the review opinion (审查意见); awaiting the decision. */
  | 'REVIEWED'
  /** Submitted online, awaiting acceptance (受理). */
  | 'SUBMITTED'
  /** Withdrawn by the applicant before a decision (撤回申请). */
  | 'WITHDRAWN';

/** An application for credit repair (信用修复) of a disclosed penalty, filed by a credit officer for the enterprise once the minimum publicity period is over. */
export type ApplyForCreditRepairInput = {
  /** The signed credit commitment letter (信用承诺书). */
  commitmentLetter: CreditRepairDocumentInput;
  /** Evidence that the conduct was corrected (1-10 documents). */
  correctiveEvidence: Array<CreditRepairDocumentInput>;
  /** The penalty disclosure’s id. */
  disclosureId: Scalars['ID']['input'];
  /** How it was executed, e.g. the fine paid and the receipt number (1-1000 characters). */
  executionStatement: Scalars['String']['input'];
  /** Whether the penalty was executed in full (处罚已履行); it must be. */
  penaltyExecuted: Scalars['Boolean']['input'];
};

/** Approval of an accepted (or reviewed) application. */
export type ApprovePermitApplicationInput = {
  /** Application number. */
  applicationNumber: Scalars['String']['input'];
  /** Conditions attached to the approval. */
  conditions?: InputMaybe<Scalars['String']['input']>;
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Why the permit is granted although the applicant is on the serious-dishonesty list (联合惩戒, 仍予许可的理由); required then, when the kind allows it. 1-1000 characters, recorded on the history. */
  jointDisciplineReason?: InputMaybe<Scalars['String']['input']>;
};

/** Which side of assistance requests to list. */
export type AssistanceSide =
  /** Requests asked of the caller’s region (to answer). */
  | 'ASKED'
  /** Requests the caller’s region made, or about cases it handles. */
  | 'ASKING';

/** Where an assistance request stands. */
export type AssistanceStatus =
  /** Answered; the evidence was handed over with its digests verified. */
  | 'ANSWERED'
  /** Asked; the assisting region investigates and adds evidence. */
  | 'OPEN';

/** A material (申请材料) attached to an application before acceptance or while it is returned for correction. */
export type AttachPermitMaterialInput = {
  /** Application number. */
  applicationNumber: Scalars['String']['input'];
  /** The file, base64-encoded; at most 5 MiB once decoded. */
  contentBase64: Scalars['String']['input'];
  /** File name (1-200 characters, no path). */
  fileName: Scalars['String']['input'];
  /** Which required material this is: a code from the kind's required materials (see permitKinds). */
  materialCode: Scalars['String']['input'];
};

/** How an audited request ended. */
export type AuditOutcome =
  /** Failed on the single window's side. */
  | 'ERROR'
  /** Answered without errors. */
  | 'OK'
  /** Answered with data and errors, for example with one department down. */
  | 'PARTIAL'
  /** Refused: not signed in, not allowed, bad input or over a limit. */
  | 'REFUSED';

/** What an audit record records. */
export type AuditRecordKind =
  /** Old records were pruned; this anchors the chain that remains. */
  | 'CHECKPOINT'
  /** One request to the single window. */
  | 'REQUEST';

/** What a breakdown splits a figure by. */
export type BreakdownBy =
  /** The indicator's dimension (permit kind, station, hazard class…). */
  | 'DIMENSION'
  /** The regions one level down (下一级地区): provinces, prefectures or counties. */
  | 'REGION';

/** How breakdown rows are ordered. */
export type BreakdownOrder =
  /** By region code or dimension value. */
  | 'KEY'
  /** Lowest figure first; rows without a figure last. */
  | 'VALUE_ASC'
  /** Highest figure first (排名); rows without a figure last. */
  | 'VALUE_DESC';

/** Cancellation of a waybill whose vehicle has not left. */
export type CancelWaybillInput = {
  /** The version the caller saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Why the shipment will not go (required, 1-500 characters). */
  reason: Scalars['String']['input'];
  /** Waybill number. */
  waybillNumber: Scalars['String']['input'];
};

/** Moves a case one step on, at the version the officer saw. */
export type CaseActionInput = {
  /** Case number. */
  caseNumber: Scalars['String']['input'];
  /** A comment recorded with the step (up to 1000 characters). */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
};

/** Why another region may read a case; no share lets a region act on it. */
export type CaseShareKind =
  /** Shared by the handling region for reading (案件共享), until revoked: the whole case. */
  | 'READ'
  /** The region handed the case over (移出地): it keeps reading the case, and the steps and evidence recorded in it, not those of the new region. */
  | 'TRANSFERRED_FROM'
  /** Proposed for transfer to the region, which reads the whole case to accept or decline it (移送待接收). */
  | 'TRANSFER_REVIEW';

/** Where an enforcement case stands in the procedure (行政执法程序). */
export type CaseStatus =
  /** Closed (结案); final. */
  | 'CLOSED'
  /** A penalty decision has been made (作出行政处罚决定); awaiting execution. */
  | 'DECIDED'
  /** Dismissed (撤销案件) before any decision, with reasons; final. */
  | 'DISMISSED'
  /** The decision was carried out (执行), a fine’s payment recorded; awaiting closing. */
  | 'EXECUTED'
  /** Filed (立案), approved by a supervisor; awaiting investigation. */
  | 'FILED'
  /** Filing submitted by an officer, awaiting the supervisor’s approval (立案审批). */
  | 'FILING_PENDING'
  /** The hearing was held and recorded (听证笔录); the case may be decided. */
  | 'HEARD'
  /** The party asked for a hearing (听证申请); awaiting the hearing. */
  | 'HEARING'
  /** Under investigation and evidence collection (调查取证). */
  | 'INVESTIGATING'
  /** A major penalty is proposed and awaits legal review (法制审核). */
  | 'LEGAL_REVIEW'
  /** The party has been notified of the proposed penalty (告知) and may state, defend (陈述申辩) or ask for a hearing until the response due date. */
  | 'NOTIFIED'
  /** The supervisor refused to open the case (不予立案), with reasons; final. */
  | 'NOT_FILED'
  /** A penalty is proposed (and reviewed where required); the party is to be notified. */
  | 'PENALTY_PROPOSED'
  /** Proposed for transfer to another region (移送); only the receiving region’s accept or decline moves it on. */
  | 'TRANSFER_PENDING';

/** What a step of a case did (办案环节). */
export type CaseStepAction =
  /** The region asked answered and handed over its evidence (协查答复). */
  | 'ASSISTANCE_ANSWERED'
  /** Another region was asked to investigate or collect evidence (协查请求). */
  | 'ASSISTANCE_REQUESTED'
  /** The case was closed (结案). */
  | 'CLOSED'
  /** A supervisor extended the decision due date (延长办案期限). */
  | 'DEADLINE_EXTENDED'
  /** The penalty decision was made (处罚决定). */
  | 'DECIDED'
  /** The case was dismissed (撤销案件). */
  | 'DISMISSED'
  /** An item of evidence was stored with its SM3 digest (证据登记). */
  | 'EVIDENCE_ADDED'
  /** The decision was carried out, a fine’s payment recorded (执行). */
  | 'EXECUTED'
  /** A supervisor approved the filing (立案审批通过). */
  | 'FILING_APPROVED'
  /** A supervisor refused to open the case (不予立案). */
  | 'FILING_REJECTED'
  /** An officer submitted the filing for approval (立案申请). */
  | 'FILING_SUBMITTED'
  /** The hearing was held and its record kept (听证). */
  | 'HEARING_HELD'
  /** The party asked for a hearing (听证申请). */
  | 'HEARING_REQUESTED'
  /** The investigation started (调查取证). */
  | 'INVESTIGATION_STARTED'
  /** Legal review approved the proposed penalty (法制审核通过). */
  | 'LEGAL_REVIEW_PASSED'
  /** Legal review returned the case for further investigation (法制审核退回). */
  | 'LEGAL_REVIEW_RETURNED'
  /** The vehicle registry named the enterprise owning the vehicle of a case opened from weigh-station records, while its filing awaited approval. */
  | 'OWNER_IDENTIFIED'
  /** The party was notified of the proposed penalty and its rights (告知). */
  | 'PARTY_NOTIFIED'
  /** The investigators proposed a penalty (处罚建议). */
  | 'PENALTY_PROPOSED'
  /** The case was shared with another region for reading (案件共享). */
  | 'SHARED'
  /** A share with another region was revoked. */
  | 'SHARE_REVOKED'
  /** The party’s statement and defence were recorded (陈述申辩). */
  | 'STATEMENT_RECORDED'
  /** The receiving region accepted the transfer and now handles the case (接收移送). */
  | 'TRANSFER_ACCEPTED'
  /** The receiving region declined the transfer, with reasons (退回移送). */
  | 'TRANSFER_DECLINED'
  /** The handling region proposed moving the case to another region (移送). */
  | 'TRANSFER_PROPOSED';

/** Where a proposed transfer of a case stands. */
export type CaseTransferStatus =
  /** Accepted: the receiving region handles the case now (接收). */
  | 'ACCEPTED'
  /** Declined with reasons (退回); the case stayed where it was. */
  | 'DECLINED'
  /** Proposed by the handling region; the receiving region is to accept or decline. */
  | 'PROPOSED';

/** What verifying an electronic certificate found. The signature is checked first; the permit register decides the rest. */
export type CertificateStatus =
  /** Genuine, but past its last day of validity (China Standard Time). */
  | 'EXPIRED'
  /** The stored certificate does not match its signature (altered, or signed by an unknown key): do not rely on it. */
  | 'INVALID_SIGNATURE'
  /** No certificate with this identifier is in the register. */
  | 'NOT_FOUND'
  /** Genuine, but its permit is revoked (吊销/撤销). */
  | 'REVOKED'
  /** Genuine, but its permit is suspended (暂扣). */
  | 'SUSPENDED'
  /** Genuine, and its permit is in force today. */
  | 'VALID';

/** A decision on a road transport certificate (道路运输证): suspend, restore or revoke it. */
export type ChangeVehicleCertificateStatusInput = {
  /** Plate number of the vehicle. */
  plateNumber: Scalars['String']['input'];
  /** Why (1-500 characters), e.g. the decision document number. */
  reason: Scalars['String']['input'];
  /** The status the certificate moves to. */
  status: VehicleCertificateStatus;
};

/** An alert to close with how it was dealt with (处置报警). */
export type CloseSafetyAlertInput = {
  /** The alert’s number. */
  alertId: Scalars['Int']['input'];
  /** How the alert was dealt with (处置情况), 1-1000 characters. */
  disposition: Scalars['String']['input'];
  /** The version you read; CONFLICT when the alert has changed since. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
};

/** A correction (更正) of a disclosure’s public fields by a credit officer of the deciding region, with the reason. Fields left out stay as they are. */
export type CorrectCreditDisclosureInput = {
  /** Content of the decision (1-1200 characters). */
  content?: InputMaybe<Scalars['String']['input']>;
  /** Registered name of the counterpart (1-200 characters). */
  counterpartName?: InputMaybe<Scalars['String']['input']>;
  /** The version the officer read; a disclosure changed since is refused (CONFLICT, STALE_VERSION). */
  expectedVersion: Scalars['Int']['input'];
  /** A penalty’s fine in fen; it may change the dishonesty’s severity and so the publicity period. */
  fineFen?: InputMaybe<Scalars['Int']['input']>;
  /** The disclosure’s id. */
  id: Scalars['ID']['input'];
  /** Legal basis (1-500 characters). */
  legalBasis?: InputMaybe<Scalars['String']['input']>;
  /** The licensing matter or the offence (1-1000 characters). */
  matter?: InputMaybe<Scalars['String']['input']>;
  /** Why it is corrected (1-1000 characters), kept in the history; required. */
  reason: Scalars['String']['input'];
  /** A licence’s first valid day, YYYY-MM-DD (China Standard Time). */
  validFrom?: InputMaybe<Scalars['String']['input']>;
  /** A licence’s last valid day, YYYY-MM-DD (China Standard Time). */
  validUntil?: InputMaybe<Scalars['String']['input']>;
};

/** A hazardous-goods shipment to record before the vehicle leaves. */
export type CreateWaybillInput = {
  /** Credit code of the carrier, validated with its check character. */
  carrierCreditCode: Scalars['String']['input'];
  /** Name of the consignee (收货人, 1-200 characters); required, nullable only for old clients. */
  consigneeName?: InputMaybe<Scalars['String']['input']>;
  /** GB/T 2260 code of the destination. */
  destinationRegionCode: Scalars['String']['input'];
  /** Name of the driver (驾驶人员, 1-50 characters); personal information, sealed at rest. */
  driverName: Scalars['String']['input'];
  /** The driver's qualification certificate number (从业资格证号): the holder's 18-character resident ID number. */
  driverQualificationNumber: Scalars['String']['input'];
  /** Name of the escort (押运人员, 1-50 characters); personal information, sealed at rest. */
  escortName: Scalars['String']['input'];
  /** The escort's qualification certificate number (押运人员从业资格证号), 18 characters. */
  escortQualificationNumber: Scalars['String']['input'];
  /** Proper shipping name of the goods (1-200 characters). */
  goodsName: Scalars['String']['input'];
  /** GB 6944 class, optionally with its division, e.g. 3, 2.1, 6.1, 8. */
  hazardClass: Scalars['String']['input'];
  /** Name of the loader (装货人, 1-200 characters), who loads and checks the goods. */
  loaderName: Scalars['String']['input'];
  /** GB/T 2260 code of the origin; it becomes part of the waybill number. */
  originRegionCode: Scalars['String']['input'];
  /** Packing group, where the class has one. */
  packingGroup?: InputMaybe<PackingGroup>;
  /** Plate number of the carrying vehicle, GA 36 form. */
  plateNumber: Scalars['String']['input'];
  /** Net quantity in kilograms, 1 to 49,000 (a tanker's legal payload). */
  quantityKg: Scalars['Int']['input'];
  /** Name of the shipper (1-200 characters). */
  shipperName: Scalars['String']['input'];
  /** Provinces passed through between the origin’s and the destination’s, in order (GB/T 2260 xx0000 codes, at most 10). */
  transitProvinceCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** UN number: UN and four digits, e.g. UN1203. */
  unNumber: Scalars['String']['input'];
};

/** Where a push to the national credit information sharing platform (全国信用信息共享平台) stands. */
export type CreditDeliveryState =
  /** The platform acknowledged it with a receipt (回执), now or as a duplicate of an earlier push. */
  | 'DELIVERED'
  /** Recorded with the change, not yet acknowledged by the platform: retried with backoff, after the version before it. */
  | 'PENDING'
  /** The platform refused it for good (a body it will not take): needs a credit officer; later versions of the record wait. */
  | 'REFUSED';

/** A credit list (信用名单) a market subject can be entered on. */
export type CreditList =
  /** The serious-dishonesty list (严重失信主体名单): subject to joint discipline (联合惩戒) while listed. */
  | 'SERIOUS_DISHONESTY';

/** Credit rating (信用等级) derived from the score. */
export type CreditRating =
  /** Good credit (信用良好): score 90 or more. */
  | 'A'
  /** Fair credit (信用较好): score 75 to 89. */
  | 'B'
  /** Poor credit (信用一般): score 60 to 74; watched more closely. */
  | 'C'
  /** Bad credit (信用较差): score below 60; subject to the strictest supervision. */
  | 'D';

/** What a credit record (信用记录) states about a market subject. */
export type CreditRecordKind =
  /** An administrative license granted to it (行政许可); does not move the score. */
  | 'ADMINISTRATIVE_LICENSE'
  /** An administrative penalty decided against it (行政处罚). */
  | 'ADMINISTRATIVE_PENALTY'
  /** A commendation or award (表彰奖励). */
  | 'COMMENDATION'
  /** Dishonest conduct found against it (失信行为). */
  | 'DISHONESTY';

/** Where a credit record came from; with `sourceReference` it identifies the record. */
export type CreditRecordSource =
  /** An enforcement case decision (行政处罚决定); the reference is the case number. */
  | 'ENFORCEMENT_DECISION'
  /** A licensing decision (行政许可决定); the reference is the decision or permit number. */
  | 'LICENSING_DECISION'
  /** Entered by a credit officer (人工录入); the reference is the document number it rests on. */
  | 'MANUAL';

/** The kind of credit record pushed to the national credit platform. */
export type CreditRecordType =
  /** A public disclosure of a licence or penalty (双公示), and its corrections. */
  | 'DISCLOSURE'
  /** An entry on a credit list (red or black list, 红黑名单), and its changes. */
  | 'LIST_ENTRY'
  /** A credit repair decision (信用修复). */
  | 'REPAIR';

/** What an attachment of a credit repair application is. */
export type CreditRepairAttachmentKind =
  /** The credit commitment letter (信用承诺书). */
  | 'COMMITMENT_LETTER'
  /** Evidence that the dishonest conduct was corrected (纠正失信行为的证明材料). */
  | 'CORRECTIVE_EVIDENCE';

/** A document for a credit repair application, base64-encoded. */
export type CreditRepairDocumentInput = {
  /** The file, base64-encoded; at most 5 MiB once decoded. */
  contentBase64: Scalars['String']['input'];
  /** File name (1-200 characters, no path). */
  fileName: Scalars['String']['input'];
};

/** Where a credit repair application (信用修复申请) stands. */
export type CreditRepairState =
  /** Approved: the penalty’s display ended and it no longer counts in the rating (准予修复). */
  | 'APPROVED'
  /** Filed, waiting for the deciding region’s decision (待审核). */
  | 'PENDING'
  /** Refused with reasons (不予修复); a new application may be filed. */
  | 'REFUSED';

/** The penalty decision (行政处罚决定): after the notice and the party’s statement or hearing, within the penalty notified; a decision of NO_PENALTY may follow the investigation directly. */
export type DecideCaseInput = {
  /** Case number. */
  caseNumber: Scalars['String']['input'];
  /** Summary of the decision as published (1-1000 characters). */
  decisionSummary: Scalars['String']['input'];
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** The fine in fen (分): required and positive for FINE, absent otherwise. */
  fineFen?: InputMaybe<Scalars['Int']['input']>;
  /** The penalty imposed. */
  penalty: PenaltyKind;
  /** The permit acted on: required for PERMIT_SUSPENSION and PERMIT_REVOCATION, absent otherwise. */
  permitNumber?: InputMaybe<Scalars['String']['input']>;
};

/** A decision on a pending credit repair application, with its reasons. */
export type DecideCreditRepairInput = {
  /** The version read; a changed application is refused (CONFLICT, STALE_VERSION). */
  expectedVersion: Scalars['Int']['input'];
  /** The application’s id. */
  id: Scalars['ID']['input'];
  /** The reasons (1-1000 characters), kept with the decision; required. */
  reason: Scalars['String']['input'];
};

/** A reviewer's answer to a deadline extension request. */
export type DecideDeadlineExtensionInput = {
  /** Application number. */
  applicationNumber: Scalars['String']['input'];
  /** Comment (1-500 characters); required when refusing. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
};

/** The receiving region’s refusal of a transfer (退回移送), with reasons; the case stays with the region that proposed it. */
export type DeclineCaseTransferInput = {
  /** Case number. */
  caseNumber: Scalars['String']['input'];
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Why the region does not take the case (4-1000 characters). */
  reason: Scalars['String']['input'];
};

/** A disclosed licence’s status (许可状态) as licensing last reported it. */
export type DisclosedLicenseStatus =
  /** Revoked (吊销). */
  | 'REVOKED'
  /** Suspended (暂扣). */
  | 'SUSPENDED'
  /** Valid (有效). */
  | 'VALID';

/** What a public credit disclosure (双公示) announces. */
export type DisclosureKind =
  /** An administrative licence granted (行政许可). */
  | 'ADMINISTRATIVE_LICENSE'
  /** An administrative penalty decided (行政处罚). */
  | 'ADMINISTRATIVE_PENALTY';

/** What made a revision of a public disclosure. */
export type DisclosureRevisionKind =
  /** Corrected by a credit officer, with a reason (更正). */
  | 'CORRECTED'
  /** The maximum publicity period ended (公示期满). */
  | 'DISPLAY_ENDED'
  /** A suspended licence was restored (恢复). */
  | 'LICENSE_RESTORED'
  /** The licence was revoked (吊销). */
  | 'LICENSE_REVOKED'
  /** The licence was suspended (暂扣). */
  | 'LICENSE_SUSPENDED'
  /** Published (公示). */
  | 'PUBLISHED'
  /** Credit repair approved: the display ended (信用修复). */
  | 'REPAIRED';

/** How grave the dishonesty a disclosed penalty shows is (失信程度); it sets the publicity period. */
export type DishonestySeverity =
  /** Ordinary dishonesty (一般失信): public at least 3 months, at most 1 year by default. */
  | 'ORDINARY'
  /** Serious dishonesty (严重失信): public at least 1 year, at most 3 years by default. */
  | 'SERIOUS';

/** Dismissal (撤销立案) of a case that is not yet decided. */
export type DismissCaseInput = {
  /** Case number. */
  caseNumber: Scalars['String']['input'];
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Why the case is dismissed (required, 1-1000 characters). */
  reason: Scalars['String']['input'];
};

/** A serious or repeated alert to hand to enforcement as a draft case (移交执法). */
export type EscalateSafetyAlertInput = {
  /** The alert’s number. */
  alertId: Scalars['Int']['input'];
  /** The version you read; CONFLICT when the alert has changed since. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Why it goes to enforcement, 1-1000 characters. */
  reason: Scalars['String']['input'];
};

/** What an item of evidence is (证据种类). */
export type EvidenceKind =
  /** A document: certificate, waybill, weighing slip (书证). */
  | 'DOCUMENT'
  /** A record of inquiry of the party or a witness (询问笔录). */
  | 'INQUIRY_RECORD'
  /** A photograph (现场照片). */
  | 'PHOTO'
  /** A video or audio recording (视听资料). */
  | 'VIDEO';

/** A supervisor’s extension of a case’s decision due date (延长办案期限). */
export type ExtendCaseDeadlineInput = {
  /** Case number. */
  caseNumber: Scalars['String']['input'];
  /** Days to add to the decision due date (1-90). */
  days: Scalars['Int']['input'];
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Why more time is needed, e.g. 案情复杂 (required, 1-1000 characters). */
  reason: Scalars['String']['input'];
};

/** Where a request to extend the decision deadline stands. */
export type ExtensionStatus =
  /** Approved; the deadline was extended. */
  | 'APPROVED'
  /** Refused; the original deadline stands. */
  | 'REFUSED'
  /** Requested by the handling officer; awaiting a reviewer. */
  | 'REQUESTED';

/** What an application waits to have confirmed by a national platform. */
export type ExternalVerification =
  /** The project is on record and approved at the national investment project platform (投资项目在线审批监管平台). */
  | 'PROJECT_APPROVAL'
  /** The project's tender award (中标结果) is on record at the public resource trading platform; the approval completes once it is. */
  | 'TENDER_AWARD';

/** A case to file (立案) against an enterprise, a vehicle and/or a person: at least one of them. */
export type FileCaseInput = {
  /** The suspected violation (案由), 1-2000 characters. */
  cause: Scalars['String']['input'];
  /** Credit code of the enterprise, validated with its check character. */
  creditCode?: InputMaybe<Scalars['String']['input']>;
  /** Resident ID number (公民身份号码) of that person, GB 11643-1999 with its check character. */
  partyIdNumber?: InputMaybe<Scalars['String']['input']>;
  /** Name of the person the case is against (1-50 characters); given together with `partyIdNumber`. */
  partyName?: InputMaybe<Scalars['String']['input']>;
  /** Plate number of the vehicle involved, GA 36 form. */
  plateNumber?: InputMaybe<Scalars['String']['input']>;
  /** GB/T 2260 code of the region whose authority handles the case. */
  regionCode: Scalars['String']['input'];
};

/** How a forecast was made (预测方法), chosen by the length of the history. */
export type ForecastMethod =
  /** 霍尔特线性趋势法（双指数平滑）. Holt’s linear trend (double exponential smoothing) with weights fitted to the history (2-23 months). */
  | 'HOLT_LINEAR'
  /** 霍尔特-温特斯加法模型（季节周期12个月）. Holt-Winters additive (triple exponential smoothing), 12-month season, weights fitted to the history (24 months or more). */
  | 'HOLT_WINTERS_ADDITIVE'
  /** 朴素法：沿用最近一个月的值. Naive: the last month’s figure, repeated (under 2 months of history). */
  | 'NAIVE'
  /** 季节朴素法：沿用去年同月的值. Seasonal naive: the figure of the same month a year before (13-23 months, when it backtests better than Holt). */
  | 'SEASONAL_NAIVE';

/** A photo or document as evidence, base64-encoded. */
export type HazardDocumentInput = {
  /** The file, base64-encoded; at most 5 MiB once decoded (and within the request limit). */
  contentBase64: Scalars['String']['input'];
  /** File name (1-200 characters, no path). */
  fileName: Scalars['String']['input'];
};

/** When a piece of hazard evidence was attached. */
export type HazardEvidenceStage =
  /** When the hazard was found (检查取证). */
  | 'FOUND'
  /** With a report of its rectification (整改佐证). */
  | 'RECTIFIED';

/** How grave a hidden hazard is (隐患等级). */
export type HazardLevel =
  /** A general hidden hazard (一般隐患): put right by the enterprise at once or soon. */
  | 'GENERAL'
  /** A major hidden hazard (重大隐患): needs a rectification plan and is reported to the national platform. */
  | 'MAJOR';

/** Where the rectification of a hidden hazard stands (整改状态). */
export type HazardStatus =
  /** Verified by a second officer (复查销号); final. */
  | 'CLOSED'
  /** Found and not yet put right (待整改), or a rectification that failed verification. */
  | 'OPEN'
  /** Rectification reported with evidence, awaiting verification (已整改待复查). */
  | 'RECTIFIED';

/** A hidden hazard found by the inspection. */
export type HiddenHazardInput = {
  /** What the hazard is and where (1-1000 characters). */
  description: Scalars['String']['input'];
  /** Photos or documents taken when it was found (0-10). */
  evidence?: InputMaybe<Array<HazardDocumentInput>>;
  /** General (一般隐患) or major (重大隐患). */
  level: HazardLevel;
};

/** A statistical indicator (统计指标) of the catalogue (`indicators`), counted from the departments' events per region and month. */
export type Indicator =
  /** 行政许可办结数 (Permit applications decided). 按受理机关所在地区、作出决定日期（北京时间）计。By the handling authority’s region and the decision date (CST). */
  | 'APPLICATIONS_DECIDED'
  /** 行政许可超期办结数 (Permit applications decided late). 按受理机关所在地区、作出决定日期（北京时间）计。By the handling authority’s region and the decision date (CST). */
  | 'APPLICATIONS_DECIDED_LATE'
  /** 行政许可超期件数 (Permit applications overdue). 按受理机关所在地区、超期之日（决定期限次日，北京时间）计。By the handling authority’s region and the first day past the due date (CST). */
  | 'APPLICATIONS_OVERDUE'
  /** 行政许可申请数 (Permit applications received). 按受理机关所在地区、提交日期（北京时间）计。By the handling authority’s region and the submission date (CST). */
  | 'APPLICATIONS_RECEIVED'
  /** 行政许可不予许可数 (Permit applications refused). 按受理机关所在地区、作出决定日期（北京时间）计。By the handling authority’s region and the decision date (CST). */
  | 'APPLICATIONS_REFUSED'
  /** 协查请求数 (Assistance requests). 按发出请求的办案地区、请求日期（北京时间）计。By the requesting region and the request date (CST). */
  | 'ASSISTANCE_REQUESTS'
  /** 作出处罚决定数 (Cases decided). 按作出决定机关所在地区、决定日期计。By the deciding authority’s region and the decision date (CST). */
  | 'CASES_DECIDED'
  /** 立案数 (Cases filed). 按立案机关所在地区、立案日期计。By the filing authority’s region and the filing date (CST). */
  | 'CASES_OPENED'
  /** 案件移送数 (Cases transferred). 按移出地区、接收日期（北京时间）计。By the region the case was transferred from and the acceptance date (CST). */
  | 'CASES_TRANSFERRED'
  /** 在列严重失信主体名单数 (Serious-dishonesty list entries standing). 按列入机关所在地区计，取期末数。By the listing authority’s region, as it stands at the period’s end. */
  | 'CREDIT_LISTED'
  /** 名单在列数变动 (Change in list entries standing). 按列入机关所在地区，列入或移出日期（北京时间）计。By the listing authority’s region and the listing or removal date (CST). */
  | 'CREDIT_LIST_CHANGES'
  /** 列入严重失信主体名单数 (Serious-dishonesty list entries). 按列入机关所在地区、列入日期（北京时间）计。By the listing authority’s region and the listing date (CST). */
  | 'CREDIT_LIST_ENTRIES'
  /** 移出严重失信主体名单数 (Serious-dishonesty list removals). 按列入机关所在地区、移出日期（北京时间）计。By the listing authority’s region and the removal date (CST). */
  | 'CREDIT_LIST_REMOVALS'
  /** 信用修复办结数 (Credit repairs decided). 按作出处罚决定的机关所在地区、修复决定日期（北京时间）计。By the region of the authority that decided the penalty and the repair decision date (CST). */
  | 'CREDIT_REPAIRS_DECIDED'
  /** 跨省危险货物运单数 (Cross-province hazardous-goods waybills). 按起运地、创建日期（北京时间）计，维度为目的地省份代码。By the origin region and the creation date (CST); the dimension is the destination province code. */
  | 'CROSS_PROVINCE_WAYBILLS'
  /** 逾期未公示数 (Disclosures overdue unpublished). 按作出决定的机关所在地区计，取期末数；公示任务每次运行时检查期限。By the deciding authority’s region, as it stands at the period’s end; the publication job checks deadlines on every run. */
  | 'DISCLOSURES_OVERDUE'
  /** 双公示信息公示数 (双公示 disclosures published). 按作出决定的机关所在地区、公示日期（北京时间）计。By the deciding authority’s region and the publication date (CST). */
  | 'DISCLOSURES_PUBLISHED'
  /** 逾期公示数 (Disclosures published late). 按作出决定的机关所在地区、公示日期（北京时间）计。By the deciding authority’s region and the publication date (CST). */
  | 'DISCLOSURES_PUBLISHED_LATE'
  /** 逾期公示率 (Late publication rate). 同公示数。As for disclosures published. */
  | 'DISCLOSURE_LATE_RATE'
  /** 逾期未公示数变动 (Change in disclosures overdue unpublished). 按作出决定的机关所在地区，逾期之日或公示日期（北京时间）计。By the deciding authority’s region and the day it became overdue or was published (CST). */
  | 'DISCLOSURE_OVERDUE_CHANGES'
  /** 罚款金额 (Fines imposed). 按作出决定机关所在地区、决定日期计。By the deciding authority’s region and the decision date (CST). */
  | 'FINES_FEN'
  /** 整改销号隐患数 (Hidden hazards closed). 按企业所在地区、复查销号日期（北京时间）计。By the enterprise’s region and the date its rectification was verified (CST). */
  | 'HAZARDS_CLOSED'
  /** 逾期整改隐患数 (Hidden hazards closed after their deadline). 按企业所在地区、复查销号日期（北京时间）计。By the enterprise’s region and the date its rectification was verified (CST). */
  | 'HAZARDS_CLOSED_LATE'
  /** 排查隐患数 (Hidden hazards found). 按企业所在地区、排查日期（北京时间）计。By the enterprise’s region and the inspection date (CST). */
  | 'HAZARDS_FOUND'
  /** 未销号隐患数 (Hidden hazards open). 按企业所在地区计，取期末数。By the enterprise’s region, as it stands at the period’s end. */
  | 'HAZARDS_OPEN'
  /** 逾期未整改隐患数 (Hidden hazards overdue). 按企业所在地区计，取期末数；安全监管每15秒检查一次期限。By the enterprise’s region, as it stands at the period’s end; safety checks deadlines every 15 seconds. */
  | 'HAZARDS_OVERDUE'
  /** 未销号隐患数变动 (Change in hidden hazards open). 按企业所在地区，排查或销号日期（北京时间）计。By the enterprise’s region and the inspection or closing date (CST). */
  | 'HAZARD_OPEN_CHANGES'
  /** 逾期未整改隐患数变动 (Change in hidden hazards overdue). 按企业所在地区，逾期之日或销号日期（北京时间）计。By the enterprise’s region and the day it became overdue or was closed (CST). */
  | 'HAZARD_OVERDUE_CHANGES'
  /** 重点营运车辆监控车日数 (Key vehicle-days monitored). 按车辆核发道路运输证的地区、监控日（北京时间）计；每日日终结算一次，车辆数按结算时的登记计。By the vehicle’s certifying region and the monitored China day, settled once after the day ends, with the vehicles registered then. */
  | 'MONITORED_VEHICLE_DAYS'
  /** 车辆上线率 (Vehicle online rate). 按车辆核发道路运输证的地区、监控日（北京时间）计；每日日终结算一次，车辆数按结算时的登记计。By the vehicle’s certifying region and the monitored China day, settled once after the day ends, with the vehicles registered then. */
  | 'ONLINE_RATE'
  /** 重点营运车辆上线车日数 (Key vehicle-days online). 按车辆核发道路运输证的地区、监控日（北京时间）计；每日日终结算一次，车辆数按结算时的登记计。By the vehicle’s certifying region and the monitored China day, settled once after the day ends, with the vehicles registered then. */
  | 'ONLINE_VEHICLE_DAYS'
  /** 超限超载率 (Overload rate). 按检测站点所在县级地区、检测时间（北京时间）计；维度为站点编码。By the county the station stands in and the detection time (CST); the dimension is the station code. */
  | 'OVERLOAD_RATE'
  /** 超限超载记录数 (Overload records). 按检测站点所在县级地区、检测时间（北京时间）计；维度为站点编码。By the county the station stands in and the detection time (CST); the dimension is the station code. */
  | 'OVERLOAD_RECORDS'
  /** 行政许可发证数 (Permits issued). 按发证机关所在地区、发证日期（北京时间）计。By the issuing authority’s region and the issue date (CST). */
  | 'PERMITS_ISSUED'
  /** 行政许可办理用时中位数 (Median working days to decide). 按受理机关所在地区、作出决定日期（北京时间）计。By the handling authority’s region and the decision date (CST). */
  | 'PERMIT_DECISION_MEDIAN_DAYS'
  /** 行政许可办理用时分布 (Permit decision time (histogram)). 按受理机关所在地区、作出决定日期（北京时间）计。By the handling authority’s region and the decision date (CST). */
  | 'PERMIT_DECISION_WORKING_DAYS'
  /** 行政许可超期办结率 (Permit overdue rate). 按受理机关所在地区、作出决定日期（北京时间）计。By the handling authority’s region and the decision date (CST). */
  | 'PERMIT_OVERDUE_RATE'
  /** 动态监控报警数 (Monitoring alerts). 按车辆核发道路运输证的地区、报警发生时间（北京时间）计。By the vehicle’s certifying region and when the alert occurred (CST). */
  | 'SAFETY_ALERTS'
  /** 危险货物电子运单数 (Hazardous-goods e-waybills). 按起运地、创建日期计。By the origin region and the creation date (CST). */
  | 'WAYBILLS_CREATED'
  /** 超限检测车次 (Vehicles weighed). 按检测站点所在县级地区、检测时间（北京时间）计；维度为站点编码。By the county the station stands in and the detection time (CST); the dimension is the station code. */
  | 'WEIGHINGS';

/** How a region's figure for a period is made from the monthly counts. */
export type IndicatorAggregation =
  /** The median of the values recorded in the period and region (中位数), exact at every level. */
  | 'MEDIAN'
  /** numerator over denominator, each summed, times 100 (比率). */
  | 'RATIO'
  /** What stands at the end of the period (期末存量): the running total of a flow of +1 and -1. */
  | 'STOCK'
  /** Counts added up over months and regions (累计). */
  | 'SUM';

/** What an indicator is measured in (计量单位). */
export type IndicatorUnit =
  /** 件/个: a count. */
  | 'COUNT'
  /** 分: fen, 1/100 yuan. */
  | 'FEN'
  /** %: a ratio of two counted indicators, times 100. */
  | 'PERCENT'
  /** 车日: vehicle-days. */
  | 'VEHICLE_DAYS'
  /** 工作日: working days, weekends and public holidays left out. */
  | 'WORKING_DAYS';

/** A credit officer’s listing (认定列入) of a market subject, on a criterion and the decisions behind it. */
export type ListCreditSubjectInput = {
  /** Credit code of the subject; it must be a registered enterprise. */
  creditCode: Scalars['String']['input'];
  /** The criterion met (列入依据). */
  criterion: ListCriterion;
  /** Numbers of the decisions the listing rests on (决定文书号, 1-10, each 1-64 characters, public: no personal information). */
  documentNumbers: Array<Scalars['String']['input']>;
  /** The list; SERIOUS_DISHONESTY when omitted. */
  list?: InputMaybe<CreditList>;
  /** Why the subject is listed (1-1000 characters); required, kept in the entry’s history. */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** GB/T 2260 code of the deciding authority; must lie within the officer’s region. */
  regionCode: Scalars['String']['input'];
};

/** The criterion met (列入依据) that put a subject on a credit list. */
export type ListCriterion =
  /** 以欺骗、贿赂等不正当手段取得行政许可 */
  | 'FRAUDULENT_LICENSING'
  /** 发生重大及以上生产安全责任事故 */
  | 'MAJOR_SAFETY_ACCIDENT'
  /** 因严重违法行为被吊销道路运输经营许可证件: applied automatically when a permit is revoked. */
  | 'PERMIT_REVOKED'
  /** 有履行能力但拒不履行行政处罚决定 */
  | 'REFUSED_PENALTY_EXECUTION'
  /** 12个月内多次违法超限超载运输受到行政处罚: applied automatically (by default 3 penalised weigh-station overloads within 12 months). */
  | 'REPEATED_SERIOUS_OVERLOAD';

/** What a decision document number behind a list entry names. */
export type ListDecisionKind =
  /** An enforcement case (行政处罚决定), by case number. */
  | 'CASE'
  /** Another decision document (认定文书) a credit officer names, by its number (文号). */
  | 'DOCUMENT'
  /** A permit revoked (吊销许可证件), by permit number. */
  | 'PERMIT';

/** What a change of a list entry did. */
export type ListEntryAction =
  /** Another decision about the same facts was added to the entry (e.g. the case behind a revocation). */
  | 'DECISION_ADDED'
  /** The subject was entered on the list (列入). */
  | 'LISTED'
  /** The subject left the list (移出). */
  | 'REMOVED';

/** Why an entry left its list (移出名单). */
export type ListRemovalReason =
  /** Its listing term ended (期满移出). */
  | 'EXPIRED'
  /** A credit officer removed it, with reasons (人工移出). */
  | 'REMOVED_BY_OFFICER'
  /** A repair of the decision that caused it was approved (信用修复). */
  | 'REPAIRED';

/** How current the standing from the national credit information sharing platform is. */
export type NationalStandingStatus =
  /** The platform’s answer, retrieved within the cache’s time to live (CREDIT_STANDING_TTL_SECONDS). */
  | 'AVAILABLE'
  /** An older answer (see retrievedAt): the platform did not answer in time or failed; it is asked again in the background. */
  | 'CACHED'
  /** The platform did not answer in time and nothing is cached: the standing is unknown, not clean. */
  | 'UNAVAILABLE';

/** One detection record of a weigh station (超限检测记录), as the station measured it. */
export type OverloadRecordInput = {
  /** Axles counted (轴数), 2-12. */
  axleCount: Scalars['Int']['input'];
  /** When the vehicle was weighed (ISO 8601 with its zone); not in the future. */
  detectedAt: Scalars['DateTimeISO']['input'];
  /** Measured gross weight of vehicle and load (车货总质量) in kilograms, 1 000-300 000. */
  grossWeightKg: Scalars['Int']['input'];
  /** The legal gross-weight limit (限值) in kilograms the station applied; at most what GB 1589-2016 allows for the axles (2: 18 000, 3: 27 000, 4: 36 000, 5: 43 000, 6 or more: 49 000). Omitted, the goods-vehicle limit for the axles applies (3 axles: 25 000, 4: 31 000, otherwise as above). */
  limitKg?: InputMaybe<Scalars['Int']['input']>;
  /** Plate number (号牌号码) as recognised, GA 36 form. */
  plateNumber: Scalars['String']['input'];
  /** The station's code (检测站点编码): ten digits, the GB/T 2260 code of the county it stands in and a four-digit serial, e.g. 3201150001. The county is the region responsible for the record. */
  stationCode: Scalars['String']['input'];
  /** The station's own id of the record (1-64 visible ASCII characters); sending it again sends the same record. */
  stationRecordId: Scalars['String']['input'];
};

/** What became of one submitted detection record. */
export type OverloadRecordOutcome =
  /** Recorded now. */
  | 'ACCEPTED'
  /** Recorded before (same station and station record id, same values); nothing new was written. */
  | 'DUPLICATE'
  /** Not recorded; `problems` says why. Correct the record and send it again. */
  | 'REJECTED';

/** Packing group (包装类别): how dangerous the goods are within their class. */
export type PackingGroup =
  /** Packing group I: great danger (I类包装, 高度危险). */
  | 'I'
  /** Packing group II: medium danger (II类包装, 中度危险). */
  | 'II'
  /** Packing group III: minor danger (III类包装, 轻度危险). */
  | 'III';

/** What an enforcement decision imposes (行政处罚种类). */
export type PenaltyKind =
  /** Confiscation of illegal gains or property (没收违法所得、没收非法财物). */
  | 'CONFISCATION'
  /** A fine (罚款); the amount is in `fineFen`. */
  | 'FINE'
  /** A decision to impose no penalty (不予行政处罚). */
  | 'NO_PENALTY'
  /** Revocation of a permit (吊销许可证件); the permit is named in `permitNumber`. */
  | 'PERMIT_REVOCATION'
  /** Suspension of a permit (暂扣许可证件); the permit is named in `permitNumber`. */
  | 'PERMIT_SUSPENSION'
  /** A warning (警告). */
  | 'WARNING';

/** Calendar periods in China Standard Time (统计周期). */
export type PeriodGranularity =
  /** 月: written YYYY-MM, e.g. 2026-03. */
  | 'MONTH'
  /** 季: written YYYY-Qn, e.g. 2026-Q1. */
  | 'QUARTER'
  /** 年: written YYYY, e.g. 2026. */
  | 'YEAR';

/** Kinds of administrative permit (行政许可) handled online. */
export type PermitKind =
  /** Cross-province oversize/overweight transport (跨省大件运输许可). */
  | 'CROSS_PROVINCE_OVERSIZE_TRANSPORT'
  /** Hazardous-goods road transport business (危险货物道路运输经营许可). */
  | 'HAZARDOUS_GOODS_TRANSPORT'
  /** Highway construction permit (公路建设项目施工许可). */
  | 'HIGHWAY_CONSTRUCTION'
  /** Road freight transport business (道路货物运输经营许可). */
  | 'ROAD_FREIGHT_TRANSPORT'
  /** Road passenger transport business (道路旅客运输经营许可). */
  | 'ROAD_PASSENGER_TRANSPORT';

/** Whether a permit may be relied on today. */
export type PermitStatus =
  /** Past its validity date. */
  | 'EXPIRED'
  /** Revoked (吊销/撤销); final. */
  | 'REVOKED'
  /** Suspended (暂扣) by a decision; may be restored. */
  | 'SUSPENDED'
  /** In force. */
  | 'VALID';

/** Whether a decision report has reached the national investment project approval platform. */
export type PlatformReportState =
  /** The platform acknowledged it with a receipt (回执). */
  | 'DELIVERED'
  /** Recorded with the decision, not yet acknowledged by the platform; retried with backoff. */
  | 'PENDING';

/** An alarm the vehicle terminal raised with the position (终端报警标志). */
export type PositionAlarm =
  /** The driver pressed the emergency button (紧急报警). */
  | 'EMERGENCY'
  /** The terminal’s own fatigue-driving alarm (疲劳驾驶报警). */
  | 'FATIGUE'
  /** The satellite receiver failed (GNSS模块故障). */
  | 'GNSS_FAULT'
  /** The terminal’s own overspeed alarm (超速报警). */
  | 'OVERSPEED'
  /** The terminal lost main power (终端主电源掉电). */
  | 'POWER_LOSS';

/** What became of one submitted position. */
export type PositionOutcome =
  /** Stored now (and run through the alert rules). */
  | 'ACCEPTED'
  /** Stored before with the same values (same plate and time); nothing new was written. */
  | 'DUPLICATE'
  /** Not stored; `problems` says why. The rest of the batch is not affected. */
  | 'REJECTED';

/** Why a position was rejected, as a stable code to branch on. */
export type PositionProblemCode =
  /** A position of the plate at this time was stored with other values. */
  | 'CONFLICTING_DUPLICATE'
  /** Later than now plus the allowed clock skew. */
  | 'FUTURE_TIME'
  /** Not a whole number of degrees 0-359. */
  | 'INVALID_HEADING'
  /** Not a GA 36 plate number. */
  | 'INVALID_PLATE'
  /** Negative, or above 220 km/h. */
  | 'INVALID_SPEED'
  /** Not a valid instant. */
  | 'INVALID_TIME'
  /** The coordinates lie outside China’s bounding box (or are not WGS-84 degrees). */
  | 'OUTSIDE_CHINA'
  /** The vehicle is certified outside the submitting platform’s region. */
  | 'OUTSIDE_REGION'
  /** Older than the latest position stored for the plate, and not stored before. */
  | 'OUT_OF_ORDER'
  /** Older than the retention period. */
  | 'TOO_OLD'
  /** The plate is not in the safety registry (no road transport certificate known). */
  | 'UNKNOWN_VEHICLE';

/** The investigators’ proposed penalty (处罚建议) at the end of the investigation. */
export type ProposeCasePenaltyInput = {
  /** Case number. */
  caseNumber: Scalars['String']['input'];
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** The fine in fen (分): required and positive for FINE, absent otherwise. */
  fineFen?: InputMaybe<Scalars['Int']['input']>;
  /** The penalty proposed; not NO_PENALTY, which is decided directly. */
  penalty: PenaltyKind;
  /** The permit acted on: required for PERMIT_SUSPENSION and PERMIT_REVOCATION, absent otherwise. */
  permitNumber?: InputMaybe<Scalars['String']['input']>;
  /** Facts, grounds and the legal basis of the proposal (1-1000 characters). */
  summary: Scalars['String']['input'];
};

/** A proposal by the handling region to move a case to another region (案件移送). */
export type ProposeCaseTransferInput = {
  /** Case number. */
  caseNumber: Scalars['String']['input'];
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Why the case should move (移送理由), e.g. 车辆登记地在浙江 (4-1000 characters). */
  reason: Scalars['String']['input'];
  /** GB/T 2260 code of the region to take the case over: not the handling region, a region under it or one above it. */
  toRegionCode: Scalars['String']['input'];
};

/** How a decision was carried out (执行): for a fine, its payment. */
export type RecordCaseExecutionInput = {
  /** Case number. */
  caseNumber: Scalars['String']['input'];
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** How the decision was carried out, e.g. the permit was collected (up to 1000 characters). */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The amount paid in fen: required for a FINE and equal to it, absent otherwise. */
  paidFen?: InputMaybe<Scalars['Int']['input']>;
  /** Number of the payment receipt (缴款凭证): required for a FINE, absent otherwise (1-64 characters). */
  paymentReference?: InputMaybe<Scalars['String']['input']>;
};

/** The record of a hearing held at the party’s request (听证笔录). */
export type RecordCaseHearingInput = {
  /** Case number. */
  caseNumber: Scalars['String']['input'];
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** When the hearing was held (UTC); not in the future. */
  heldAt: Scalars['DateTimeISO']['input'];
  /** Summary of the hearing record: who attended, what was argued (1-2000 characters). */
  record: Scalars['String']['input'];
};

/** A credit record a credit officer enters by hand (人工录入), resting on a decision or document. */
export type RecordCreditInput = {
  /** Credit code of the subject, validated with its check character. */
  creditCode: Scalars['String']['input'];
  /** When the decision was made (UTC); not in the future. */
  decidedAt: Scalars['DateTimeISO']['input'];
  /** What the record states. */
  kind: CreditRecordKind;
  /** GB/T 2260 code of the deciding authority; must lie within the officer’s region. */
  regionCode: Scalars['String']['input'];
  /** Score delta, -100 to +10: not positive for penalties and dishonesty, not negative for commendations, 0 for licenses. Defaults to +5 for a commendation, -30 for dishonesty, 0 for a license; required for a penalty. */
  scoreDelta?: InputMaybe<Scalars['Int']['input']>;
  /** Number of the decision or document the record rests on (1-64 characters); one record per number. Generated when omitted. */
  sourceReference?: InputMaybe<Scalars['String']['input']>;
  /** What was decided (1-1000 characters). */
  summary: Scalars['String']['input'];
};

/** What the party stated in its defence after the notice (陈述申辩), as received. */
export type RecordPartyStatementInput = {
  /** Case number. */
  caseNumber: Scalars['String']['input'];
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** The party’s statement and defence, or a note that it made none (1-2000 characters). */
  statement: Scalars['String']['input'];
  /** True when the party declared in writing that it gives up a hearing (放弃听证); the case may then be decided at once. */
  waivesHearing?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A safety inspection of an enterprise (安全生产检查) with the hidden hazards it found. */
export type RecordSafetyInspectionInput = {
  /** Credit code of the inspected enterprise, validated with its check character. */
  creditCode: Scalars['String']['input'];
  /** What the inspection found (检查情况, 1-2000 characters). */
  findings: Scalars['String']['input'];
  /** The hidden hazards found (0-50); none when all was in order. */
  hazards: Array<HiddenHazardInput>;
  /** Day of the inspection, China date YYYY-MM-DD; not in the future. */
  inspectedOn: Scalars['String']['input'];
  /** The inspecting officers, names and badge numbers (1-10, each 1-50 characters). */
  inspectors: Array<Scalars['String']['input']>;
  /** GB/T 2260 code of the enterprise's region; must lie within your region. */
  regionCode: Scalars['String']['input'];
};

/** A market subject to enter into the registry. */
export type RegisterEnterpriseInput = {
  /** Registered address (1-300 characters). */
  address: Scalars['String']['input'];
  /** Contact phone (联系电话): a mobile number (11 digits) or a landline with its area code, e.g. 025-84561234. */
  contactPhone?: InputMaybe<Scalars['String']['input']>;
  /** Unified social credit code, validated with its check character. */
  creditCode: Scalars['String']['input'];
  /** Legal representative (1-100 characters). */
  legalRepresentative: Scalars['String']['input'];
  /** Registered name (1-200 characters). */
  name: Scalars['String']['input'];
  /** GB/T 2260 region code of registration. */
  regionCode: Scalars['String']['input'];
};

/** An operating vehicle to enter into the registry. */
export type RegisterVehicleInput = {
  /** Approved load (核定载质量) in kilograms, 1-100,000; required for goods vehicles. */
  approvedLoadKg?: InputMaybe<Scalars['Int']['input']>;
  /** What the certificate allows the vehicle to carry (车辆经营类别). */
  category: VehicleCategory;
  /** GB 6944 classes or divisions certified (e.g. ["3", "8"]); required for HAZARDOUS_GOODS only. */
  hazardClasses?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Credit code of the owning enterprise, which must be registered. */
  ownerCreditCode: Scalars['String']['input'];
  /** Plate number, GA 36 form. */
  plateNumber: Scalars['String']['input'];
  /** GB/T 2260 code of the issuing region. */
  regionCode: Scalars['String']['input'];
  /** Road transport certificate number (1-64 characters). */
  transportCertificateNumber: Scalars['String']['input'];
  /** Vehicle type as on the certificate (1-50 characters). */
  vehicleType: Scalars['String']['input'];
};

/** A supervisor’s refusal to open a submitted case (不予立案). */
export type RejectCaseFilingInput = {
  /** Case number. */
  caseNumber: Scalars['String']['input'];
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Why the case is not opened (required, 1-1000 characters). */
  reason: Scalars['String']['input'];
};

/** Refusal of an application: not accepted (不予受理) before acceptance, not granted (不予许可) after it. */
export type RejectPermitApplicationInput = {
  /** Application number. */
  applicationNumber: Scalars['String']['input'];
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Reasons for refusal (required, 1-1000 characters). */
  reason: Scalars['String']['input'];
};

/** A credit officer’s removal (移出) of a list entry, with reasons. */
export type RemoveCreditListEntryInput = {
  /** The entry’s number. */
  entryId: Scalars['Int']['input'];
  /** The entry’s version as the officer read it; a changed entry is refused with CONFLICT. */
  expectedVersion: Scalars['Int']['input'];
  /** Why it is removed (1-1000 characters); required, kept in the entry’s history. */
  reason?: InputMaybe<Scalars['String']['input']>;
};

/** An early-warning threshold to remove. */
export type RemoveWarningThresholdInput = {
  /** The version read; a changed threshold is refused (CONFLICT, STALE_VERSION). */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** The threshold’s id. */
  id: Scalars['ID']['input'];
};

/** The first report of an accident (事故快报): a vehicle, an enterprise or both. */
export type ReportAccidentInput = {
  /** Credit code of the enterprise involved. */
  creditCode?: InputMaybe<Scalars['String']['input']>;
  /** Deaths so far (0 or more). */
  deaths: Scalars['Int']['input'];
  /** Direct economic loss so far, in whole fen (0 or more). */
  directLossFen: Scalars['Float']['input'];
  /** Serious injuries so far (0 or more). */
  injuries: Scalars['Int']['input'];
  /** Where it happened: road, kilometre post, direction (1-500 characters). */
  location: Scalars['String']['input'];
  /** When it happened (ISO 8601 with zone); not in the future. */
  occurredAt: Scalars['DateTimeISO']['input'];
  /** Plate number of the vehicle involved, GA 36 form. */
  plateNumber?: InputMaybe<Scalars['String']['input']>;
  /** GB/T 2260 code of the region where it happened; must lie within your region. */
  regionCode: Scalars['String']['input'];
  /** Grade; at least the grade the figures make it. */
  severity: AccidentSeverity;
  /** What happened, briefly (事故简要经过, 1-2000 characters). */
  summary: Scalars['String']['input'];
  /** Number of the electronic waybill of the goods carried; it must exist and be visible to you. */
  waybillNumber?: InputMaybe<Scalars['String']['input']>;
};

/** Rectification of a hidden hazard, reported with evidence (整改报告). */
export type ReportHazardRectificationInput = {
  /** Evidence of the rectification (1-10 documents). */
  evidence: Array<HazardDocumentInput>;
  /** The version read; a changed hazard is refused (CONFLICT, STALE_VERSION). */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** The hazard’s id. */
  hazardId: Scalars['ID']['input'];
  /** What was done to put it right (1-1000 characters). */
  note: Scalars['String']['input'];
};

/** The decision a report carries. */
export type ReportedDecision =
  /** The permit was granted. */
  | 'APPROVED'
  /** The permit was refused. */
  | 'REJECTED';

/** A request by the handling region for another region’s assistance on a case (协查请求). */
export type RequestAssistanceInput = {
  /** GB/T 2260 code of the region asked: not the handling region, a region under it or one above it. */
  assistingRegionCode: Scalars['String']['input'];
  /** Case number. */
  caseNumber: Scalars['String']['input'];
  /** Last day for the answer, YYYY-MM-DD (China time), today or later; 15 days from today when omitted. */
  dueDate?: InputMaybe<Scalars['String']['input']>;
  /** What the region asked should investigate or collect (4-1000 characters). */
  question: Scalars['String']['input'];
  /** What the region asked may know of the case (1-2000 characters): it sees this, never the case. Share no more than the question needs; resident ID and phone numbers in it are masked for readers without pii-reader and a purpose. */
  sharedSummary: Scalars['String']['input'];
};

/** A request to extend the decision deadline once (延长审查期限), before it has passed. */
export type RequestDeadlineExtensionInput = {
  /** Application number. */
  applicationNumber: Scalars['String']['input'];
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Why more time is needed (1-500 characters); told to the applicant. */
  reason: Scalars['String']['input'];
};

/** Restores a suspended permit to force. */
export type RestorePermitInput = {
  /** Permit number. */
  permitNumber: Scalars['String']['input'];
  /** Reasons (1-1000 characters), recorded in the status history. */
  reason: Scalars['String']['input'];
};

/** Resubmits a returned application once the missing materials are attached (补正). */
export type ResubmitPermitApplicationInput = {
  /** Application number. */
  applicationNumber: Scalars['String']['input'];
  /** A comment for the accepting officer (up to 1000 characters). */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** A corrected investment project code (HIGHWAY_CONSTRUCTION only); the project is checked again either way. */
  investmentProjectCode?: InputMaybe<Scalars['String']['input']>;
};

/** Returns a submitted application with one notice of everything missing (一次性告知); allowed once per application. */
export type ReturnPermitApplicationInput = {
  /** Application number. */
  applicationNumber: Scalars['String']['input'];
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Codes of every material missing or to be corrected, from the kind's required materials (at least one). */
  missingMaterialCodes: Array<Scalars['String']['input']>;
  /** The note to the applicant (1-1000 characters). */
  note: Scalars['String']['input'];
};

/** The legal review (法制审核) of a major proposed penalty. */
export type ReviewCasePenaltyInput = {
  /** True when the facts, evidence, procedure and legal basis hold and the party may be notified; false returns the case to investigation. */
  approved: Scalars['Boolean']['input'];
  /** Case number. */
  caseNumber: Scalars['String']['input'];
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** The reviewer’s opinion (审核意见), 1-1000 characters. */
  opinion: Scalars['String']['input'];
};

/** The review opinion (审查意见) on an accepted application. */
export type ReviewPermitApplicationInput = {
  /** Application number. */
  applicationNumber: Scalars['String']['input'];
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** The opinion and its grounds (1-1000 characters). */
  opinion: Scalars['String']['input'];
  /** What the reviewer recommends. */
  recommendation: ReviewRecommendation;
};

/** The reviewer's recommendation to the decider. */
export type ReviewRecommendation =
  /** Recommends approval (建议准予许可). */
  | 'APPROVE'
  /** Recommends refusal (建议不予许可). */
  | 'REFUSE';

/** Ends the active share of a case with a region; the case disappears from that region at once. */
export type RevokeCaseShareInput = {
  /** Case number. */
  caseNumber: Scalars['String']['input'];
  /** GB/T 2260 code of the region the case is shared with. */
  regionCode: Scalars['String']['input'];
};

/** Revokes (吊销) a valid or suspended permit; final. */
export type RevokePermitInput = {
  /** Permit number. */
  permitNumber: Scalars['String']['input'];
  /** Reasons (1-1000 characters), recorded in the status history. */
  reason: Scalars['String']['input'];
};

/** A province's decision on its segment of a cross-province oversize transport (并联许可). */
export type RouteSegmentDecisionInput = {
  /** Application number. */
  applicationNumber: Scalars['String']['input'];
  /** Conditions (escort, time window) when approving; the reasons (required) when refusing. 1-1000 characters. */
  comment?: InputMaybe<Scalars['String']['input']>;
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** When approving for an applicant on the serious-dishonesty list: why (联合惩戒, 仍予许可的理由); required then. 1-1000 characters. */
  jointDisciplineReason?: InputMaybe<Scalars['String']['input']>;
  /** The province whose segment is decided (xx0000); it must lie within the caller's region. */
  provinceCode: Scalars['String']['input'];
};

/** What a key-vehicle monitoring alert (动态监控报警) is about. */
export type SafetyAlertKind =
  /** Continuous driving beyond the day or night limit without rest (疲劳驾驶). */
  | 'FATIGUE_DRIVING'
  /** A coach running between 02:00 and 05:00 China time (客车凌晨2时至5时违规运行). */
  | 'NIGHT_COACH'
  /** No position for too long while carrying hazardous goods in transit (车辆离线). */
  | 'OFFLINE'
  /** Above the category's speed limit for the sustained time (超速). */
  | 'SPEEDING';

/** Where an alert stands in the safety officers’ work queue. */
export type SafetyAlertStatus =
  /** An officer has taken it (已确认). */
  | 'ACKNOWLEDGED'
  /** Dealt with, with a disposition (已处置); final. */
  | 'CLOSED'
  /** Handed to enforcement as a draft case (已移交执法); final. */
  | 'ESCALATED'
  /** Raised, nobody has taken it yet (待处理). */
  | 'OPEN';

/** Where a report to the national safety supervision platform (国家安全生产监管平台) stands. */
export type SafetyDeliveryState =
  /** 已报送: the platform acknowledged it with a receipt (回执), now or as a duplicate. */
  | 'DELIVERED'
  /** 待报送: recorded with the change, not yet acknowledged by the platform; retried with backoff, after the version before it. */
  | 'PENDING'
  /** 被拒收: the platform refused it for good; needs a safety officer, later versions of the report wait. */
  | 'REFUSED';

/** The kind of report sent to the national safety supervision platform. */
export type SafetyReportType =
  /** 事故快报: an accident report and its follow-ups. */
  | 'ACCIDENT'
  /** 跨省运单: the summary of a hazardous-goods waybill crossing a provincial border. */
  | 'CROSS_PROVINCE_WAYBILL'
  /** 重大隐患: a major hidden hazard and its rectification. */
  | 'MAJOR_HAZARD';

/** Where one province's part of a parallel approval (并联许可) stands. */
export type SegmentStatus =
  /** Approved by the province. */
  | 'APPROVED'
  /** Not yet decided by the province. */
  | 'PENDING'
  /** Refused by the province; the application is refused. */
  | 'REFUSED';

/** Joint discipline (联合惩戒) of a permit kind for applicants on the serious-dishonesty list. */
export type SeriousDishonestyRule =
  /** 说明理由: approval needs a recorded reason (jointDisciplineReason). */
  | 'REASON_REQUIRED'
  /** 不予许可: no approval while the applicant is listed. */
  | 'REFUSE';

/** An early-warning threshold to set: a new one, or the one of the same indicator, region, comparison and granularity changed. */
export type SetWarningThresholdInput = {
  /** How the figure is compared with the threshold. */
  comparison: ThresholdComparison;
  /** Whether to evaluate it (default true). */
  enabled?: Scalars['Boolean']['input'];
  /** When changing one: the version read; a changed threshold is refused (CONFLICT, STALE_VERSION). */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Compare monthly (default), quarterly or yearly figures. */
  granularity?: PeriodGranularity;
  /** The indicator to watch, a code of the catalogue. */
  indicator: Indicator;
  /** Watch the region and the regions under it (default), or the region only. */
  reach?: ThresholdReach;
  /** GB/T 2260 code of a region within your own region (000000 for the whole country). */
  regionCode: Scalars['String']['input'];
  /** The threshold, 0 or more: in the indicator's unit for VALUE_* (at most 100 for a percent), in percent of change for the others (at most 100 for a fall). */
  threshold: Scalars['Float']['input'];
};

/** Shares a case with another region for reading (案件共享协查); decided by the handling region. */
export type ShareCaseInput = {
  /** Case number. */
  caseNumber: Scalars['String']['input'];
  /** Why the case is shared (共享事由), 4-500 characters. */
  reason: Scalars['String']['input'];
  /** GB/T 2260 code of the region to share with; not the handling region, a region under it or one above it. */
  regionCode: Scalars['String']['input'];
};

/** How a data item may be shared, per 《政务信息资源共享管理暂行办法》(国发〔2016〕51号). */
export type ShareClass =
  /** 有条件共享: granted by the owning department's approver, with an expiry. */
  | 'CONDITIONAL'
  /** 不予共享: never granted to a partner. */
  | 'NOT_SHARED'
  /** 无条件共享: granted to a partner at once on request. */
  | 'UNCONDITIONAL';

/** Signature algorithm of an electronic certificate; each issuing authority signs with one. */
export type SignatureAlgorithm =
  /** ECDSA on NIST P-256 with SHA-256 (FIPS 186-4), low-S form. */
  | 'ECDSA_P256_SHA256'
  /** SM2 digital signature with SM3 (GB/T 32918.2, GB/T 32905), signer ID 1234567812345678 (GM/T 0009). */
  | 'SM2_SM3';

/** A batch of detection records from weigh stations. */
export type SubmitOverloadRecordsInput = {
  /** The records, 1-1000 per batch; each gets its own result, in the same order. */
  records: Array<OverloadRecordInput>;
};

/** An application for a permit, submitted online for an enterprise (by its agent or an officer on its behalf). */
export type SubmitPermitApplicationInput = {
  /** Credit code of the applying enterprise (must be registered). */
  creditCode: Scalars['String']['input'];
  /** GB 6944 classes or divisions of dangerous goods to be carried (e.g. ["2.1", "3"]); required for HAZARDOUS_GOODS_TRANSPORT only. */
  hazardClasses?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Investment project code (投资项目统一代码, GB/T 40058-2021 shape YYYY-RRRRRR-DD-TT-NNNNNC); required for HIGHWAY_CONSTRUCTION only. */
  investmentProjectCode?: InputMaybe<Scalars['String']['input']>;
  /** The permit applied for. */
  kind: PermitKind;
  /** GB/T 2260 code of the authority the application is made to; for a cross-province oversize transport, the origin province (xx0000). */
  regionCode: Scalars['String']['input'];
  /** Provinces on the route in order, origin first (GB/T 2260 xx0000 codes, at least two, including the handling province); required for CROSS_PROVINCE_OVERSIZE_TRANSPORT only. */
  routeProvinceCodes?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Business scope applied for (1-500 characters). */
  scope: Scalars['String']['input'];
};

/** A batch of key vehicles’ positions from the provincial monitoring platform. */
export type SubmitVehiclePositionsInput = {
  /** The positions, 1-500 per batch, in any order; each gets its own result, in the same order. */
  positions: Array<VehiclePositionInput>;
};

/** Suspends (暂扣) a valid permit. */
export type SuspendPermitInput = {
  /** Permit number. */
  permitNumber: Scalars['String']['input'];
  /** Reasons (1-1000 characters), recorded in the status history. */
  reason: Scalars['String']['input'];
};

/** How a figure is compared with its threshold (预警条件). A change is not compared when its base is 0 or absent. */
export type ThresholdComparison =
  /** 环比降幅超过: The figure fell by more than the threshold percent from the period before (环比). */
  | 'PERIOD_ON_PERIOD_DOWN_PERCENT'
  /** 环比增幅超过: The figure rose by more than the threshold percent from the period before (环比). */
  | 'PERIOD_ON_PERIOD_UP_PERCENT'
  /** 超过阈值: The figure is above the threshold. */
  | 'VALUE_ABOVE'
  /** 低于阈值: The figure is below the threshold. */
  | 'VALUE_BELOW'
  /** 同比降幅超过: The figure fell by more than the threshold percent from the same period a year before (同比). */
  | 'YEAR_ON_YEAR_DOWN_PERCENT'
  /** 同比增幅超过: The figure rose by more than the threshold percent from the same period a year before (同比). */
  | 'YEAR_ON_YEAR_UP_PERCENT';

/** Which regions a threshold watches (适用范围). */
export type ThresholdReach =
  /** The region and every region under it (本级及下级), unless one of those sets its own threshold of the same indicator, comparison and granularity: the nearest region’s threshold applies. */
  | 'REGION_AND_BELOW'
  /** The region itself only (仅本级). */
  | 'REGION_ONLY';

/** A follow-up report (续报): the figures as now known and what is new. */
export type UpdateAccidentReportInput = {
  /** The accident’s id. */
  accidentId: Scalars['ID']['input'];
  /** Deaths as now known (0 or more). */
  deaths: Scalars['Int']['input'];
  /** Direct economic loss as now known, in whole fen (0 or more). */
  directLossFen: Scalars['Float']['input'];
  /** The version read; a changed report is refused (CONFLICT, STALE_VERSION). */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Serious injuries as now known (0 or more). */
  injuries: Scalars['Int']['input'];
  /** What is new since the last report (1-2000 characters). */
  note: Scalars['String']['input'];
  /** Grade as now known; at least the grade the figures make it. */
  severity: AccidentSeverity;
};

/** What the road transport certificate allows the vehicle to carry (车辆经营类别). */
export type VehicleCategory =
  /** Charter or tourist coach (旅游包车). */
  | 'CHARTER_COACH'
  /** Ordinary freight vehicle (普通货运车辆). */
  | 'FREIGHT'
  /** Hazardous-goods transport vehicle (危险货物运输车). */
  | 'HAZARDOUS_GOODS'
  /** Scheduled coach on a licensed line (班线客车). */
  | 'SCHEDULED_COACH';

/** Whether a road transport certificate (道路运输证) is in force. */
export type VehicleCertificateStatus =
  /** Revoked (吊销); final. */
  | 'REVOKED'
  /** Suspended (暂扣): the vehicle may not operate until it is restored. */
  | 'SUSPENDED'
  /** In force (有效). */
  | 'VALID';

/** One position report of a key vehicle (车辆定位信息), as the terminal took it. Coordinates are WGS-84 (as GB/T 35658 / JT/T 808 terminals report), not GCJ-02. */
export type VehiclePositionInput = {
  /** Alarms the terminal raised with this fix. */
  alarms?: InputMaybe<Array<PositionAlarm>>;
  /** Heading in whole degrees from north, 0-359. */
  heading: Scalars['Int']['input'];
  /** WGS-84 latitude in degrees (north positive), within China’s bounding box 3.8-53.6. */
  latitude: Scalars['Float']['input'];
  /** WGS-84 longitude in degrees (east positive), within China’s bounding box 73.5-135.1. */
  longitude: Scalars['Float']['input'];
  /** Plate number (号牌号码), GA 36 form, of a vehicle in the safety registry. */
  plateNumber: Scalars['String']['input'];
  /** Speed over ground in km/h, 0-220 (kept to 0.1 km/h). */
  speed: Scalars['Float']['input'];
  /** When the fix was taken (ISO 8601 with its zone, stored to the second in UTC); not later than now plus the allowed clock skew, not older than the retention period, and not older than the latest position stored for the plate. */
  time: Scalars['DateTimeISO']['input'];
};

/** Verification of a reported rectification (复查) by a second officer: passed closes the hazard, failed reopens it. */
export type VerifyHazardRectificationInput = {
  /** The version read; a changed hazard is refused (CONFLICT, STALE_VERSION). */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** The hazard’s id. */
  hazardId: Scalars['ID']['input'];
  /** The verifying officer’s opinion (1-1000 characters). */
  note: Scalars['String']['input'];
  /** Whether the rectification holds (复查合格). */
  passed: Scalars['Boolean']['input'];
};

/** Acts on a waybill at the version the caller saw. */
export type WaybillActionInput = {
  /** The version the caller saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Waybill number. */
  waybillNumber: Scalars['String']['input'];
};

/** Where a hazardous-goods shipment stands. */
export type WaybillStatus =
  /** The goods have reached the consignee (已到达); final. */
  | 'ARRIVED'
  /** Withdrawn before departure, with a reason (已作废); final. */
  | 'CANCELLED'
  /** Filled in before loading; the vehicle has not left (已填报). */
  | 'CREATED'
  /** The vehicle has left the origin with the goods (运输中). */
  | 'IN_TRANSIT';

/** Withdrawal of an application by the applicant before a decision (撤回申请). */
export type WithdrawPermitApplicationInput = {
  /** Application number. */
  applicationNumber: Scalars['String']['input'];
  /** The version the officer saw; a later change makes the action fail with CONFLICT. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  /** The applicant's reason (1-1000 characters). */
  reason: Scalars['String']['input'];
};

export type EnterpriseCreditAndPermitsQueryVariables = Exact<{
  creditCode: Scalars['String']['input'];
}>;


export type EnterpriseCreditAndPermitsQuery = { enterprise: { creditCode: string, name: string, regionCode: string, permits: { totalCount: number, edges: Array<{ node: { number: string, kind: PermitKind, status: PermitStatus, validFrom: string, validUntil: string } }> } | null, creditProfile: { score: number, rating: CreditRating, records: { totalCount: number, edges: Array<{ node: { kind: CreditRecordKind, source: CreditRecordSource, summary: string, decidedAt: string } }> } | null } | null } | null };

export type EnterprisesInRegionQueryVariables = Exact<{
  regionCode: Scalars['String']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type EnterprisesInRegionQuery = { enterprises: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { creditCode: string, name: string, regionCode: string } }> } };

export type SeriousDishonestyListQueryVariables = Exact<{
  creditCode?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type SeriousDishonestyListQuery = { creditListEntries: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: number, creditCode: string, criterion: ListCriterion, criterionDescription: string, regionCode: string, authorityName: string, startedAt: string, plannedRemovalAt: string, decisions: Array<{ kind: ListDecisionKind, documentNumber: string }> } }> } };

export type TransportIndicatorTrendQueryVariables = Exact<{
  indicator: Indicator;
  regionCode: Scalars['String']['input'];
  granularity: PeriodGranularity;
  from: Scalars['String']['input'];
  to: Scalars['String']['input'];
}>;


export type TransportIndicatorTrendQuery = { indicatorSeries: { regionCode: string, regionName: string, definition: { code: Indicator, name: string, nameEn: string, unit: IndicatorUnit, regionRule: string }, points: Array<{ period: string, value: number | null, periodOnPeriodPercent: number | null, yearOnYearPercent: number | null }> } };

export type SubmitVehiclePositionsMutationVariables = Exact<{
  input: SubmitVehiclePositionsInput;
}>;


export type SubmitVehiclePositionsMutation = { submitVehiclePositions: { acceptedCount: number, duplicateCount: number, rejectedCount: number, alertsRaised: number, results: Array<{ index: number, plateNumber: string, outcome: PositionOutcome, problems: Array<{ field: string, code: PositionProblemCode, message: string }> }> } };

export type SubmitOverloadRecordsMutationVariables = Exact<{
  input: SubmitOverloadRecordsInput;
}>;


export type SubmitOverloadRecordsMutation = { submitOverloadRecords: { acceptedCount: number, duplicateCount: number, rejectedCount: number, results: Array<{ index: number, stationRecordId: string, outcome: OverloadRecordOutcome, overloaded: boolean | null, problems: Array<{ field: string, message: string }> }> } };

export type OutageReadQueryVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type OutageReadQuery = { enterprise: { name: string } | null };

export type OutageWriteMutationVariables = Exact<{
  input: RegisterEnterpriseInput;
}>;


export type OutageWriteMutation = { registerEnterprise: { enterprise: { creditCode: string, name: string } } };

export type OutageOtherDepartmentsQueryVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type OutageOtherDepartmentsQuery = { enterprise: { name: string } | null, creditProfile: { rating: CreditRating } };

export type WorkflowApplicationFragment = { applicationNumber: string, status: ApplicationStatus, version: number, regionCode: string, handlingOfficer: string | null, decisionDueDate: string | null, workingDaysLeft: number | null, permitNumber: string | null, decidedBy: string | null, decisionComment: string | null, history: Array<{ action: ApplicationAction, fromStatus: ApplicationStatus | null, toStatus: ApplicationStatus, actor: string, comment: string | null }> };

export type WorkflowPayloadFragment = { application: { applicationNumber: string, status: ApplicationStatus, version: number, regionCode: string, handlingOfficer: string | null, decisionDueDate: string | null, workingDaysLeft: number | null, permitNumber: string | null, decidedBy: string | null, decisionComment: string | null, history: Array<{ action: ApplicationAction, fromStatus: ApplicationStatus | null, toStatus: ApplicationStatus, actor: string, comment: string | null }> }, permit: { number: string, status: PermitStatus, kind: PermitKind, regionCode: string } | null };

export type SubmitPermitApplicationMutationVariables = Exact<{
  input: SubmitPermitApplicationInput;
}>;


export type SubmitPermitApplicationMutation = { submitPermitApplication: { application: { applicationNumber: string, status: ApplicationStatus, version: number, regionCode: string, handlingOfficer: string | null, decisionDueDate: string | null, workingDaysLeft: number | null, permitNumber: string | null, decidedBy: string | null, decisionComment: string | null, history: Array<{ action: ApplicationAction, fromStatus: ApplicationStatus | null, toStatus: ApplicationStatus, actor: string, comment: string | null }> }, permit: { number: string, status: PermitStatus, kind: PermitKind, regionCode: string } | null } };

export type AcceptPermitApplicationMutationVariables = Exact<{
  input: ApplicationActionInput;
}>;


export type AcceptPermitApplicationMutation = { acceptPermitApplication: { application: { applicationNumber: string, status: ApplicationStatus, version: number, regionCode: string, handlingOfficer: string | null, decisionDueDate: string | null, workingDaysLeft: number | null, permitNumber: string | null, decidedBy: string | null, decisionComment: string | null, history: Array<{ action: ApplicationAction, fromStatus: ApplicationStatus | null, toStatus: ApplicationStatus, actor: string, comment: string | null }> }, permit: { number: string, status: PermitStatus, kind: PermitKind, regionCode: string } | null } };

export type ReturnPermitApplicationMutationVariables = Exact<{
  input: ReturnPermitApplicationInput;
}>;


export type ReturnPermitApplicationMutation = { returnPermitApplication: { application: { applicationNumber: string, status: ApplicationStatus, version: number, regionCode: string, handlingOfficer: string | null, decisionDueDate: string | null, workingDaysLeft: number | null, permitNumber: string | null, decidedBy: string | null, decisionComment: string | null, history: Array<{ action: ApplicationAction, fromStatus: ApplicationStatus | null, toStatus: ApplicationStatus, actor: string, comment: string | null }> }, permit: { number: string, status: PermitStatus, kind: PermitKind, regionCode: string } | null } };

export type ResubmitPermitApplicationMutationVariables = Exact<{
  input: ResubmitPermitApplicationInput;
}>;


export type ResubmitPermitApplicationMutation = { resubmitPermitApplication: { application: { applicationNumber: string, status: ApplicationStatus, version: number, regionCode: string, handlingOfficer: string | null, decisionDueDate: string | null, workingDaysLeft: number | null, permitNumber: string | null, decidedBy: string | null, decisionComment: string | null, history: Array<{ action: ApplicationAction, fromStatus: ApplicationStatus | null, toStatus: ApplicationStatus, actor: string, comment: string | null }> }, permit: { number: string, status: PermitStatus, kind: PermitKind, regionCode: string } | null } };

export type ReviewPermitApplicationMutationVariables = Exact<{
  input: ReviewPermitApplicationInput;
}>;


export type ReviewPermitApplicationMutation = { reviewPermitApplication: { application: { applicationNumber: string, status: ApplicationStatus, version: number, regionCode: string, handlingOfficer: string | null, decisionDueDate: string | null, workingDaysLeft: number | null, permitNumber: string | null, decidedBy: string | null, decisionComment: string | null, history: Array<{ action: ApplicationAction, fromStatus: ApplicationStatus | null, toStatus: ApplicationStatus, actor: string, comment: string | null }> }, permit: { number: string, status: PermitStatus, kind: PermitKind, regionCode: string } | null } };

export type ApprovePermitApplicationMutationVariables = Exact<{
  input: ApprovePermitApplicationInput;
}>;


export type ApprovePermitApplicationMutation = { approvePermitApplication: { application: { applicationNumber: string, status: ApplicationStatus, version: number, regionCode: string, handlingOfficer: string | null, decisionDueDate: string | null, workingDaysLeft: number | null, permitNumber: string | null, decidedBy: string | null, decisionComment: string | null, history: Array<{ action: ApplicationAction, fromStatus: ApplicationStatus | null, toStatus: ApplicationStatus, actor: string, comment: string | null }> }, permit: { number: string, status: PermitStatus, kind: PermitKind, regionCode: string } | null } };

export type RejectPermitApplicationMutationVariables = Exact<{
  input: RejectPermitApplicationInput;
}>;


export type RejectPermitApplicationMutation = { rejectPermitApplication: { application: { applicationNumber: string, status: ApplicationStatus, version: number, regionCode: string, handlingOfficer: string | null, decisionDueDate: string | null, workingDaysLeft: number | null, permitNumber: string | null, decidedBy: string | null, decisionComment: string | null, history: Array<{ action: ApplicationAction, fromStatus: ApplicationStatus | null, toStatus: ApplicationStatus, actor: string, comment: string | null }> }, permit: { number: string, status: PermitStatus, kind: PermitKind, regionCode: string } | null } };

export type WithdrawPermitApplicationMutationVariables = Exact<{
  input: WithdrawPermitApplicationInput;
}>;


export type WithdrawPermitApplicationMutation = { withdrawPermitApplication: { application: { applicationNumber: string, status: ApplicationStatus, version: number, regionCode: string, handlingOfficer: string | null, decisionDueDate: string | null, workingDaysLeft: number | null, permitNumber: string | null, decidedBy: string | null, decisionComment: string | null, history: Array<{ action: ApplicationAction, fromStatus: ApplicationStatus | null, toStatus: ApplicationStatus, actor: string, comment: string | null }> }, permit: { number: string, status: PermitStatus, kind: PermitKind, regionCode: string } | null } };

export type RequestDeadlineExtensionMutationVariables = Exact<{
  input: RequestDeadlineExtensionInput;
}>;


export type RequestDeadlineExtensionMutation = { requestDeadlineExtension: { application: { applicationNumber: string, status: ApplicationStatus, version: number, regionCode: string, handlingOfficer: string | null, decisionDueDate: string | null, workingDaysLeft: number | null, permitNumber: string | null, decidedBy: string | null, decisionComment: string | null, history: Array<{ action: ApplicationAction, fromStatus: ApplicationStatus | null, toStatus: ApplicationStatus, actor: string, comment: string | null }> }, permit: { number: string, status: PermitStatus, kind: PermitKind, regionCode: string } | null } };

export type ApproveDeadlineExtensionMutationVariables = Exact<{
  input: DecideDeadlineExtensionInput;
}>;


export type ApproveDeadlineExtensionMutation = { approveDeadlineExtension: { application: { applicationNumber: string, status: ApplicationStatus, version: number, regionCode: string, handlingOfficer: string | null, decisionDueDate: string | null, workingDaysLeft: number | null, permitNumber: string | null, decidedBy: string | null, decisionComment: string | null, history: Array<{ action: ApplicationAction, fromStatus: ApplicationStatus | null, toStatus: ApplicationStatus, actor: string, comment: string | null }> }, permit: { number: string, status: PermitStatus, kind: PermitKind, regionCode: string } | null } };

export type RefuseDeadlineExtensionMutationVariables = Exact<{
  input: DecideDeadlineExtensionInput;
}>;


export type RefuseDeadlineExtensionMutation = { refuseDeadlineExtension: { application: { applicationNumber: string, status: ApplicationStatus, version: number, regionCode: string, handlingOfficer: string | null, decisionDueDate: string | null, workingDaysLeft: number | null, permitNumber: string | null, decidedBy: string | null, decisionComment: string | null, history: Array<{ action: ApplicationAction, fromStatus: ApplicationStatus | null, toStatus: ApplicationStatus, actor: string, comment: string | null }> }, permit: { number: string, status: PermitStatus, kind: PermitKind, regionCode: string } | null } };

export type ApproveRouteSegmentMutationVariables = Exact<{
  input: RouteSegmentDecisionInput;
}>;


export type ApproveRouteSegmentMutation = { approveRouteSegment: { application: { applicationNumber: string, status: ApplicationStatus, version: number, regionCode: string, handlingOfficer: string | null, decisionDueDate: string | null, workingDaysLeft: number | null, permitNumber: string | null, decidedBy: string | null, decisionComment: string | null, history: Array<{ action: ApplicationAction, fromStatus: ApplicationStatus | null, toStatus: ApplicationStatus, actor: string, comment: string | null }> }, permit: { number: string, status: PermitStatus, kind: PermitKind, regionCode: string } | null } };

export type RefuseRouteSegmentMutationVariables = Exact<{
  input: RouteSegmentDecisionInput;
}>;


export type RefuseRouteSegmentMutation = { refuseRouteSegment: { application: { applicationNumber: string, status: ApplicationStatus, version: number, regionCode: string, handlingOfficer: string | null, decisionDueDate: string | null, workingDaysLeft: number | null, permitNumber: string | null, decidedBy: string | null, decisionComment: string | null, history: Array<{ action: ApplicationAction, fromStatus: ApplicationStatus | null, toStatus: ApplicationStatus, actor: string, comment: string | null }> }, permit: { number: string, status: PermitStatus, kind: PermitKind, regionCode: string } | null } };

export type WorkflowApplicationReadQueryVariables = Exact<{
  number: Scalars['String']['input'];
}>;


export type WorkflowApplicationReadQuery = { permitApplication: { applicationNumber: string, status: ApplicationStatus, version: number, regionCode: string, handlingOfficer: string | null, decisionDueDate: string | null, workingDaysLeft: number | null, permitNumber: string | null, decidedBy: string | null, decisionComment: string | null, history: Array<{ action: ApplicationAction, fromStatus: ApplicationStatus | null, toStatus: ApplicationStatus, actor: string, comment: string | null }> } | null };

export type AttachWorkflowMaterialMutationVariables = Exact<{
  input: AttachPermitMaterialInput;
}>;


export type AttachWorkflowMaterialMutation = { attachPermitMaterial: { material: { id: string, sm3Digest: string, sizeBytes: number, materialName: string } } };

export type SingleWindowQueryVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type SingleWindowQuery = { enterprise: { creditCode: string, name: string, regionCode: string, permits: { totalCount: number, edges: Array<{ node: { number: string, kind: PermitKind, status: PermitStatus, validUntil: string } }> } | null, enforcementCases: { totalCount: number, edges: Array<{ node: { caseNumber: string, status: CaseStatus, regionCode: string } }> } | null, creditProfile: { rating: CreditRating, records: { totalCount: number, edges: Array<{ node: { kind: CreditRecordKind, decidedAt: string } }> } | null } | null, waybills: { totalCount: number, edges: Array<{ node: { waybillNumber: string, status: WaybillStatus } }> } | null, activitySummary: { year: number, permitsIssued: number, casesOpened: number, waybillsCreated: number } | null } | null };

export type OverloadRecordsOfPlateQueryVariables = Exact<{
  plate: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
}>;


export type OverloadRecordsOfPlateQuery = { overloadRecords: { totalCount: number, edges: Array<{ node: { stationRecordId: string, overloaded: boolean, excessKg: number, enterprise: { creditCode: string } | null, case: { caseNumber: string, status: CaseStatus, regionCode: string, creditCode: string | null } | null } }> } };

export type OverloadDraftCaseQueryVariables = Exact<{
  number: Scalars['String']['input'];
}>;


export type OverloadDraftCaseQuery = { enforcementCase: { caseNumber: string, status: CaseStatus, plateNumber: string | null, cause: string, filedBy: string, steps: Array<{ action: CaseStepAction, toStatus: CaseStatus, actor: string, regionCode: string }>, overloadRecords: { totalCount: number } } | null };

export type KunshanFilingsPendingQueryVariables = Exact<{ [key: string]: never; }>;


export type KunshanFilingsPendingQuery = { enforcementCases: { edges: Array<{ node: { caseNumber: string, plateNumber: string | null } }> } };

export type OverloadCaseSeenQueryVariables = Exact<{
  number: Scalars['String']['input'];
}>;


export type OverloadCaseSeenQuery = { enforcementCase: { caseNumber: string } | null };

export type JiangningFilingsPendingQueryVariables = Exact<{ [key: string]: never; }>;


export type JiangningFilingsPendingQuery = { enforcementCases: { edges: Array<{ node: { caseNumber: string } }> } };

export type ApproveOverloadDraftMutationVariables = Exact<{
  input: CaseActionInput;
}>;


export type ApproveOverloadDraftMutation = { approveCaseFiling: { case: { caseNumber: string, status: CaseStatus, filingApprovedBy: string | null, steps: Array<{ action: CaseStepAction }> } } };

export type EnterpriseOverloadCasesQueryVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type EnterpriseOverloadCasesQuery = { enterprise: { name: string, enforcementCases: { edges: Array<{ node: { caseNumber: string, status: CaseStatus, vehicle: { plateNumber: string, vehicleType: string } | null } }> } | null } | null };

export type PartialSingleWindowQueryVariables = Exact<{ [key: string]: never; }>;


export type PartialSingleWindowQuery = { enterprise: { name: string, permits: { totalCount: number } | null, creditProfile: { rating: CreditRating } | null } | null };

export type SecondFactorAuditCountQueryVariables = Exact<{ [key: string]: never; }>;


export type SecondFactorAuditCountQuery = { auditRecords: { totalCount: number } };

export type SecondFactorEnterprisesQueryVariables = Exact<{ [key: string]: never; }>;


export type SecondFactorEnterprisesQuery = { enterprises: { totalCount: number } };

export type UnregisteredEnterpriseQueryVariables = Exact<{
  code: Scalars['String']['input'];
}>;


export type UnregisteredEnterpriseQuery = { enterprise: { name: string } | null };

export type RegistryPageQueryVariables = Exact<{
  region?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type RegistryPageQuery = { enterprises: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { creditCode: string, regionCode: string } }> } };

export const WorkflowApplicationFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowApplication"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"handlingOfficer"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"workingDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"permitNumber"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionComment"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}}]} as unknown as DocumentNode<WorkflowApplicationFragment, unknown>;
export const WorkflowPayloadFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowPayload"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplicationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowApplication"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowApplication"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"handlingOfficer"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"workingDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"permitNumber"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionComment"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}}]} as unknown as DocumentNode<WorkflowPayloadFragment, unknown>;
export const EnterpriseCreditAndPermitsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnterpriseCreditAndPermits"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"creditCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"creditCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"creditCode"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"permits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"score"}},{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"records"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<EnterpriseCreditAndPermitsQuery, EnterpriseCreditAndPermitsQueryVariables>;
export const EnterprisesInRegionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnterprisesInRegion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EnterprisesInRegionQuery, EnterprisesInRegionQueryVariables>;
export const SeriousDishonestyListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SeriousDishonestyList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"creditCode"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditListEntries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"list"},"value":{"kind":"EnumValue","value":"SERIOUS_DISHONESTY"}},{"kind":"Argument","name":{"kind":"Name","value":"creditCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"creditCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"criterion"}},{"kind":"Field","name":{"kind":"Name","value":"criterionDescription"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"authorityName"}},{"kind":"Field","name":{"kind":"Name","value":"decisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"documentNumber"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"plannedRemovalAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SeriousDishonestyListQuery, SeriousDishonestyListQueryVariables>;
export const TransportIndicatorTrendDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TransportIndicatorTrend"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"indicator"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Indicator"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PeriodGranularity"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"indicatorSeries"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"indicator"},"value":{"kind":"Variable","name":{"kind":"Name","value":"indicator"}}},{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"regionCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"granularity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"granularity"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"definition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"nameEn"}},{"kind":"Field","name":{"kind":"Name","value":"unit"}},{"kind":"Field","name":{"kind":"Name","value":"regionRule"}}]}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"regionName"}},{"kind":"Field","name":{"kind":"Name","value":"points"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"periodOnPeriodPercent"}},{"kind":"Field","name":{"kind":"Name","value":"yearOnYearPercent"}}]}}]}}]}}]} as unknown as DocumentNode<TransportIndicatorTrendQuery, TransportIndicatorTrendQueryVariables>;
export const SubmitVehiclePositionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitVehiclePositions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitVehiclePositionsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitVehiclePositions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptedCount"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateCount"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedCount"}},{"kind":"Field","name":{"kind":"Name","value":"alertsRaised"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"plateNumber"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SubmitVehiclePositionsMutation, SubmitVehiclePositionsMutationVariables>;
export const SubmitOverloadRecordsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitOverloadRecords"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitOverloadRecordsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitOverloadRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptedCount"}},{"kind":"Field","name":{"kind":"Name","value":"duplicateCount"}},{"kind":"Field","name":{"kind":"Name","value":"rejectedCount"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"stationRecordId"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"overloaded"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SubmitOverloadRecordsMutation, SubmitOverloadRecordsMutationVariables>;
export const OutageReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OutageRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"creditCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<OutageReadQuery, OutageReadQueryVariables>;
export const OutageWriteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OutageWrite"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterEnterpriseInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerEnterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<OutageWriteMutation, OutageWriteMutationVariables>;
export const OutageOtherDepartmentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OutageOtherDepartments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"creditCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"creditCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rating"}}]}}]}}]} as unknown as DocumentNode<OutageOtherDepartmentsQuery, OutageOtherDepartmentsQueryVariables>;
export const SubmitPermitApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitPermitApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SubmitPermitApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitPermitApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowPayload"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowApplication"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"handlingOfficer"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"workingDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"permitNumber"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionComment"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowPayload"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplicationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowApplication"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}}]}}]} as unknown as DocumentNode<SubmitPermitApplicationMutation, SubmitPermitApplicationMutationVariables>;
export const AcceptPermitApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptPermitApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApplicationActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptPermitApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowPayload"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowApplication"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"handlingOfficer"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"workingDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"permitNumber"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionComment"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowPayload"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplicationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowApplication"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}}]}}]} as unknown as DocumentNode<AcceptPermitApplicationMutation, AcceptPermitApplicationMutationVariables>;
export const ReturnPermitApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReturnPermitApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReturnPermitApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"returnPermitApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowPayload"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowApplication"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"handlingOfficer"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"workingDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"permitNumber"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionComment"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowPayload"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplicationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowApplication"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}}]}}]} as unknown as DocumentNode<ReturnPermitApplicationMutation, ReturnPermitApplicationMutationVariables>;
export const ResubmitPermitApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResubmitPermitApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResubmitPermitApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resubmitPermitApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowPayload"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowApplication"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"handlingOfficer"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"workingDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"permitNumber"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionComment"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowPayload"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplicationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowApplication"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}}]}}]} as unknown as DocumentNode<ResubmitPermitApplicationMutation, ResubmitPermitApplicationMutationVariables>;
export const ReviewPermitApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReviewPermitApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReviewPermitApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reviewPermitApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowPayload"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowApplication"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"handlingOfficer"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"workingDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"permitNumber"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionComment"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowPayload"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplicationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowApplication"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}}]}}]} as unknown as DocumentNode<ReviewPermitApplicationMutation, ReviewPermitApplicationMutationVariables>;
export const ApprovePermitApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApprovePermitApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApprovePermitApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approvePermitApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowPayload"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowApplication"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"handlingOfficer"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"workingDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"permitNumber"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionComment"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowPayload"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplicationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowApplication"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}}]}}]} as unknown as DocumentNode<ApprovePermitApplicationMutation, ApprovePermitApplicationMutationVariables>;
export const RejectPermitApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectPermitApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RejectPermitApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectPermitApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowPayload"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowApplication"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"handlingOfficer"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"workingDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"permitNumber"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionComment"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowPayload"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplicationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowApplication"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}}]}}]} as unknown as DocumentNode<RejectPermitApplicationMutation, RejectPermitApplicationMutationVariables>;
export const WithdrawPermitApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WithdrawPermitApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WithdrawPermitApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"withdrawPermitApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowPayload"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowApplication"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"handlingOfficer"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"workingDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"permitNumber"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionComment"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowPayload"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplicationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowApplication"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}}]}}]} as unknown as DocumentNode<WithdrawPermitApplicationMutation, WithdrawPermitApplicationMutationVariables>;
export const RequestDeadlineExtensionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestDeadlineExtension"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestDeadlineExtensionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestDeadlineExtension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowPayload"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowApplication"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"handlingOfficer"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"workingDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"permitNumber"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionComment"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowPayload"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplicationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowApplication"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}}]}}]} as unknown as DocumentNode<RequestDeadlineExtensionMutation, RequestDeadlineExtensionMutationVariables>;
export const ApproveDeadlineExtensionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveDeadlineExtension"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideDeadlineExtensionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveDeadlineExtension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowPayload"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowApplication"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"handlingOfficer"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"workingDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"permitNumber"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionComment"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowPayload"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplicationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowApplication"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}}]}}]} as unknown as DocumentNode<ApproveDeadlineExtensionMutation, ApproveDeadlineExtensionMutationVariables>;
export const RefuseDeadlineExtensionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefuseDeadlineExtension"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DecideDeadlineExtensionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refuseDeadlineExtension"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowPayload"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowApplication"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"handlingOfficer"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"workingDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"permitNumber"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionComment"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowPayload"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplicationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowApplication"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}}]}}]} as unknown as DocumentNode<RefuseDeadlineExtensionMutation, RefuseDeadlineExtensionMutationVariables>;
export const ApproveRouteSegmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveRouteSegment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RouteSegmentDecisionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveRouteSegment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowPayload"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowApplication"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"handlingOfficer"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"workingDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"permitNumber"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionComment"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowPayload"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplicationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowApplication"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}}]}}]} as unknown as DocumentNode<ApproveRouteSegmentMutation, ApproveRouteSegmentMutationVariables>;
export const RefuseRouteSegmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefuseRouteSegment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RouteSegmentDecisionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refuseRouteSegment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowPayload"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowApplication"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"handlingOfficer"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"workingDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"permitNumber"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionComment"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowPayload"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplicationPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"application"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowApplication"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permit"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}}]}}]} as unknown as DocumentNode<RefuseRouteSegmentMutation, RefuseRouteSegmentMutationVariables>;
export const WorkflowApplicationReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkflowApplicationRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"permitApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"applicationNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"WorkflowApplication"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"WorkflowApplication"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PermitApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"applicationNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"handlingOfficer"}},{"kind":"Field","name":{"kind":"Name","value":"decisionDueDate"}},{"kind":"Field","name":{"kind":"Name","value":"workingDaysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"permitNumber"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decisionComment"}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"fromStatus"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}}]}}]} as unknown as DocumentNode<WorkflowApplicationReadQuery, WorkflowApplicationReadQueryVariables>;
export const AttachWorkflowMaterialDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AttachWorkflowMaterial"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AttachPermitMaterialInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachPermitMaterial"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"material"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sm3Digest"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"materialName"}}]}}]}}]}}]} as unknown as DocumentNode<AttachWorkflowMaterialMutation, AttachWorkflowMaterialMutationVariables>;
export const SingleWindowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SingleWindow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"creditCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"permits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"enforcementCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"records"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"waybills"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"waybillNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"activitySummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"permitsIssued"}},{"kind":"Field","name":{"kind":"Name","value":"casesOpened"}},{"kind":"Field","name":{"kind":"Name","value":"waybillsCreated"}}]}}]}}]}}]} as unknown as DocumentNode<SingleWindowQuery, SingleWindowQueryVariables>;
export const OverloadRecordsOfPlateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverloadRecordsOfPlate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"plate"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overloadRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"plateNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"plate"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stationRecordId"}},{"kind":"Field","name":{"kind":"Name","value":"overloaded"}},{"kind":"Field","name":{"kind":"Name","value":"excessKg"}},{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<OverloadRecordsOfPlateQuery, OverloadRecordsOfPlateQueryVariables>;
export const OverloadDraftCaseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverloadDraftCase"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enforcementCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"plateNumber"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}},{"kind":"Field","name":{"kind":"Name","value":"filedBy"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"toStatus"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"overloadRecords"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]}}]} as unknown as DocumentNode<OverloadDraftCaseQuery, OverloadDraftCaseQueryVariables>;
export const KunshanFilingsPendingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"KunshanFilingsPending"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enforcementCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"StringValue","value":"320583","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"FILING_PENDING"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"plateNumber"}}]}}]}}]}}]}}]} as unknown as DocumentNode<KunshanFilingsPendingQuery, KunshanFilingsPendingQueryVariables>;
export const OverloadCaseSeenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OverloadCaseSeen"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enforcementCase"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"caseNumber"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}}]}}]}}]} as unknown as DocumentNode<OverloadCaseSeenQuery, OverloadCaseSeenQueryVariables>;
export const JiangningFilingsPendingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"JiangningFilingsPending"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enforcementCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"StringValue","value":"320115","block":false}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"FILING_PENDING"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}}]}}]}}]}}]}}]} as unknown as DocumentNode<JiangningFilingsPendingQuery, JiangningFilingsPendingQueryVariables>;
export const ApproveOverloadDraftDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveOverloadDraft"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CaseActionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveCaseFiling"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"case"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"filingApprovedBy"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApproveOverloadDraftMutation, ApproveOverloadDraftMutationVariables>;
export const EnterpriseOverloadCasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnterpriseOverloadCases"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"creditCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enforcementCases"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"caseNumber"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"vehicle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"plateNumber"}},{"kind":"Field","name":{"kind":"Name","value":"vehicleType"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<EnterpriseOverloadCasesQuery, EnterpriseOverloadCasesQueryVariables>;
export const PartialSingleWindowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PartialSingleWindow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"creditCode"},"value":{"kind":"StringValue","value":"91320102MA1MY0R10Q","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"permits"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creditProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rating"}}]}}]}}]}}]} as unknown as DocumentNode<PartialSingleWindowQuery, PartialSingleWindowQueryVariables>;
export const SecondFactorAuditCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SecondFactorAuditCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<SecondFactorAuditCountQuery, SecondFactorAuditCountQueryVariables>;
export const SecondFactorEnterprisesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SecondFactorEnterprises"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<SecondFactorEnterprisesQuery, SecondFactorEnterprisesQueryVariables>;
export const UnregisteredEnterpriseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnregisteredEnterprise"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"creditCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<UnregisteredEnterpriseQuery, UnregisteredEnterpriseQueryVariables>;
export const RegistryPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegistryPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"region"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"region"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"2"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"regionCode"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RegistryPageQuery, RegistryPageQueryVariables>;