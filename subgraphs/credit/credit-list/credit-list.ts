import { registerEnumType } from 'type-graphql';

// The credit lists (信用名单) and the words their entries are recorded in.

export enum CreditList {
  SERIOUS_DISHONESTY = 'SERIOUS_DISHONESTY',
}

registerEnumType(CreditList, {
  name: 'CreditList',
  description: 'A credit list (信用名单) a market subject can be entered on.',
  valuesConfig: {
    SERIOUS_DISHONESTY: {
      description:
        'The serious-dishonesty list (严重失信主体名单): subject to joint discipline (联合惩戒) while listed.',
    },
  },
});

export enum ListRemovalReason {
  EXPIRED = 'EXPIRED',
  REPAIRED = 'REPAIRED',
  REMOVED_BY_OFFICER = 'REMOVED_BY_OFFICER',
}

registerEnumType(ListRemovalReason, {
  name: 'ListRemovalReason',
  description: 'Why an entry left its list (移出名单).',
  valuesConfig: {
    EXPIRED: { description: 'Its listing term ended (期满移出).' },
    REPAIRED: { description: 'A repair of the decision that caused it was approved (信用修复).' },
    REMOVED_BY_OFFICER: { description: 'A credit officer removed it, with reasons (人工移出).' },
  },
});

export enum ListEntryAction {
  LISTED = 'LISTED',
  DECISION_ADDED = 'DECISION_ADDED',
  REMOVED = 'REMOVED',
}

registerEnumType(ListEntryAction, {
  name: 'ListEntryAction',
  description: 'What a change of a list entry did.',
  valuesConfig: {
    LISTED: { description: 'The subject was entered on the list (列入).' },
    DECISION_ADDED: {
      description: 'Another decision about the same facts was added to the entry (e.g. the case behind a revocation).',
    },
    REMOVED: { description: 'The subject left the list (移出).' },
  },
});

export enum ListDecisionKind {
  CASE = 'CASE',
  PERMIT = 'PERMIT',
  DOCUMENT = 'DOCUMENT',
}

registerEnumType(ListDecisionKind, {
  name: 'ListDecisionKind',
  description: 'What a decision document number behind a list entry names.',
  valuesConfig: {
    CASE: { description: 'An enforcement case (行政处罚决定), by case number.' },
    PERMIT: { description: 'A permit revoked (吊销许可证件), by permit number.' },
    DOCUMENT: { description: 'Another decision document (认定文书) a credit officer names, by its number (文号).' },
  },
});
