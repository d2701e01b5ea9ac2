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
