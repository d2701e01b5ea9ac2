import { registerEnumType } from 'type-graphql';

export enum ApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  ACCEPTED = 'ACCEPTED',
  REVIEWED = 'REVIEWED',
  AWAITING_EXTERNAL_VERIFICATION = 'AWAITING_EXTERNAL_VERIFICATION',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description: 'Where a permit application stands in the procedure.',
  valuesConfig: {
    SUBMITTED: { description: 'Submitted online, awaiting acceptance (受理).' },
    RETURNED: {
      description: 'Returned with one notice listing everything missing (一次性告知补正); awaiting resubmission.',
    },
    ACCEPTED: { description: 'Accepted; the decision deadline runs from acceptance. Awaiting review or decision.' },
    REVIEWED: { description: 'A reviewer has recorded the review opinion (审查意见); awaiting the decision.' },
    AWAITING_EXTERNAL_VERIFICATION: {
      description:
        'Waiting for a national platform that could not be reached; re-checked in the background, never decided unverified.',
    },
    APPROVED: { description: 'Approved (准予许可); the permit and its electronic certificate have been issued.' },
    REJECTED: { description: 'Refused, with reasons: not accepted (不予受理) or not granted (不予许可).' },
    WITHDRAWN: { description: 'Withdrawn by the applicant before a decision (撤回申请).' },
  },
});

/** Statuses in which the decision deadline runs (accepted, not yet decided). */
export const DEADLINE_RUNNING: readonly ApplicationStatus[] = [
  ApplicationStatus.ACCEPTED,
  ApplicationStatus.REVIEWED,
  ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION,
];

/** Statuses that still wait for someone in the licensing office or the applicant. */
export const PENDING: readonly ApplicationStatus[] = [
  ApplicationStatus.SUBMITTED,
  ApplicationStatus.RETURNED,
  ApplicationStatus.ACCEPTED,
  ApplicationStatus.REVIEWED,
  ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION,
];

/** What a transition record says happened. */
export enum ApplicationAction {
  SUBMIT = 'SUBMIT',
  ACCEPT = 'ACCEPT',
  RETURN = 'RETURN',
  RESUBMIT = 'RESUBMIT',
  REVIEW = 'REVIEW',
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  ISSUE = 'ISSUE',
  WITHDRAW = 'WITHDRAW',
  REQUEST_EXTENSION = 'REQUEST_EXTENSION',
  APPROVE_EXTENSION = 'APPROVE_EXTENSION',
  REFUSE_EXTENSION = 'REFUSE_EXTENSION',
  APPROVE_SEGMENT = 'APPROVE_SEGMENT',
  REFUSE_SEGMENT = 'REFUSE_SEGMENT',
  AWAIT_EXTERNAL_VERIFICATION = 'AWAIT_EXTERNAL_VERIFICATION',
  EXTERNAL_VERIFICATION_PASSED = 'EXTERNAL_VERIFICATION_PASSED',
  EXTERNAL_VERIFICATION_FAILED = 'EXTERNAL_VERIFICATION_FAILED',
}

registerEnumType(ApplicationAction, {
  name: 'ApplicationAction',
  description: 'What was done to an application in one recorded step.',
  valuesConfig: {
    SUBMIT: { description: 'Submitted online (网上申请).' },
    ACCEPT: { description: 'Accepted (受理); the decision deadline starts.' },
    RETURN: { description: 'Returned with one notice listing everything missing (一次性告知).' },
    RESUBMIT: { description: 'Resubmitted with the missing materials (补正).' },
    REVIEW: { description: 'Review opinion recorded (审查意见).' },
    APPROVE: { description: 'Approved, with any conditions (准予许可).' },
    REJECT: { description: 'Refused, with reasons.' },
    ISSUE: { description: 'The permit and its electronic certificate issued (颁发许可证件).' },
    WITHDRAW: { description: 'Withdrawn by the applicant.' },
    REQUEST_EXTENSION: { description: 'Extension of the decision deadline requested (延长审查期限).' },
    APPROVE_EXTENSION: { description: 'Extension approved; the deadline moved.' },
    REFUSE_EXTENSION: { description: 'Extension refused; the deadline stands.' },
    APPROVE_SEGMENT: { description: 'A province on the route approved its segment (并联许可).' },
    REFUSE_SEGMENT: { description: 'A province on the route refused its segment, refusing the application.' },
    AWAIT_EXTERNAL_VERIFICATION: {
      description: 'A national platform could not be reached; the application waits for it.',
    },
    EXTERNAL_VERIFICATION_PASSED: { description: 'The national platform confirmed what was waited for.' },
    EXTERNAL_VERIFICATION_FAILED: {
      description: 'The national platform answered that what was waited for is not on record.',
    },
  },
});

/** Statuses each action may start from; anything else is refused with CONFLICT (ILLEGAL_TRANSITION). */
export const ACTION_ALLOWED_FROM: Readonly<Record<ApplicationAction, readonly ApplicationStatus[]>> = {
  SUBMIT: [],
  ACCEPT: [ApplicationStatus.SUBMITTED],
  RETURN: [ApplicationStatus.SUBMITTED],
  RESUBMIT: [ApplicationStatus.RETURNED],
  REVIEW: [ApplicationStatus.ACCEPTED],
  APPROVE: [ApplicationStatus.ACCEPTED, ApplicationStatus.REVIEWED],
  REJECT: [
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.RETURNED,
    ApplicationStatus.ACCEPTED,
    ApplicationStatus.REVIEWED,
    ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION,
  ],
  ISSUE: [ApplicationStatus.APPROVED],
  WITHDRAW: [
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.RETURNED,
    ApplicationStatus.ACCEPTED,
    ApplicationStatus.REVIEWED,
    ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION,
  ],
  REQUEST_EXTENSION: DEADLINE_RUNNING,
  APPROVE_EXTENSION: DEADLINE_RUNNING,
  REFUSE_EXTENSION: DEADLINE_RUNNING,
  APPROVE_SEGMENT: [ApplicationStatus.ACCEPTED, ApplicationStatus.REVIEWED],
  REFUSE_SEGMENT: [ApplicationStatus.ACCEPTED, ApplicationStatus.REVIEWED],
  AWAIT_EXTERNAL_VERIFICATION: [
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.RETURNED,
    ApplicationStatus.ACCEPTED,
    ApplicationStatus.REVIEWED,
  ],
  EXTERNAL_VERIFICATION_PASSED: [ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION],
  EXTERNAL_VERIFICATION_FAILED: [ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION],
};

/** What a national platform is being waited for. */
export enum ExternalVerification {
  PROJECT_APPROVAL = 'PROJECT_APPROVAL',
  TENDER_AWARD = 'TENDER_AWARD',
}

registerEnumType(ExternalVerification, {
  name: 'ExternalVerification',
  description: 'What an application waits to have confirmed by a national platform.',
  valuesConfig: {
    PROJECT_APPROVAL: {
      description:
        'The project is on record and approved at the national investment project platform (投资项目在线审批监管平台).',
    },
    TENDER_AWARD: {
      description:
        "The project's tender award (中标结果) is on record at the public resource trading platform; the approval completes once it is.",
    },
  },
});

export enum ReviewRecommendation {
  APPROVE = 'APPROVE',
  REFUSE = 'REFUSE',
}

registerEnumType(ReviewRecommendation, {
  name: 'ReviewRecommendation',
  description: "The reviewer's recommendation to the decider.",
  valuesConfig: {
    APPROVE: { description: 'Recommends approval (建议准予许可).' },
    REFUSE: { description: 'Recommends refusal (建议不予许可).' },
  },
});

export enum ExtensionStatus {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
}

registerEnumType(ExtensionStatus, {
  name: 'ExtensionStatus',
  description: 'Where a request to extend the decision deadline stands.',
  valuesConfig: {
    REQUESTED: { description: 'Requested by the handling officer; awaiting a reviewer.' },
    APPROVED: { description: 'Approved; the deadline was extended.' },
    REFUSED: { description: 'Refused; the original deadline stands.' },
  },
});
