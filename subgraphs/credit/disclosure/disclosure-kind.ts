import { registerEnumType } from 'type-graphql';

/** What a public disclosure (双公示) announces. */
export enum DisclosureKind {
  ADMINISTRATIVE_LICENSE = 'ADMINISTRATIVE_LICENSE',
  ADMINISTRATIVE_PENALTY = 'ADMINISTRATIVE_PENALTY',
}

registerEnumType(DisclosureKind, {
  name: 'DisclosureKind',
  description: 'What a public credit disclosure (双公示) announces.',
  valuesConfig: {
    ADMINISTRATIVE_LICENSE: { description: 'An administrative licence granted (行政许可).' },
    ADMINISTRATIVE_PENALTY: { description: 'An administrative penalty decided (行政处罚).' },
  },
});

/** A licence's status as licensing reports it with `permit.status-changed` (暂扣 / 吊销). */
export enum LicenseStatus {
  VALID = 'VALID',
  SUSPENDED = 'SUSPENDED',
  REVOKED = 'REVOKED',
}

registerEnumType(LicenseStatus, {
  name: 'DisclosedLicenseStatus',
  description: 'A disclosed licence’s status (许可状态) as licensing last reported it.',
  valuesConfig: {
    VALID: { description: 'Valid (有效).' },
    SUSPENDED: { description: 'Suspended (暂扣).' },
    REVOKED: { description: 'Revoked (吊销).' },
  },
});

/** What made a new version of a disclosure (公示变更类型). */
export enum DisclosureRevisionKind {
  PUBLISHED = 'PUBLISHED',
  CORRECTED = 'CORRECTED',
  LICENSE_SUSPENDED = 'LICENSE_SUSPENDED',
  LICENSE_RESTORED = 'LICENSE_RESTORED',
  LICENSE_REVOKED = 'LICENSE_REVOKED',
  REPAIRED = 'REPAIRED',
  DISPLAY_ENDED = 'DISPLAY_ENDED',
}

registerEnumType(DisclosureRevisionKind, {
  name: 'DisclosureRevisionKind',
  description: 'What made a revision of a public disclosure.',
  valuesConfig: {
    PUBLISHED: { description: 'Published (公示).' },
    CORRECTED: { description: 'Corrected by a credit officer, with a reason (更正).' },
    LICENSE_SUSPENDED: { description: 'The licence was suspended (暂扣).' },
    LICENSE_RESTORED: { description: 'A suspended licence was restored (恢复).' },
    LICENSE_REVOKED: { description: 'The licence was revoked (吊销).' },
    REPAIRED: { description: 'Credit repair approved: the display ended (信用修复).' },
    DISPLAY_ENDED: { description: 'The maximum publicity period ended (公示期满).' },
  },
});
