import { registerEnumType } from 'type-graphql';
import { PermitKind } from '../permit/permit-kind';

/** What approving a permit for an enterprise on the serious-dishonesty list (严重失信主体名单) takes. */
export enum SeriousDishonestyRule {
  /** Not granted while the applicant is listed (依法限制). */
  REFUSE = 'REFUSE',
  /** Granted only with the decider's explicit reason, recorded on the application's history. */
  REASON_REQUIRED = 'REASON_REQUIRED',
}

registerEnumType(SeriousDishonestyRule, {
  name: 'SeriousDishonestyRule',
  description: 'Joint discipline (联合惩戒) of a permit kind for applicants on the serious-dishonesty list.',
  valuesConfig: {
    REFUSE: { description: '不予许可: no approval while the applicant is listed.' },
    REASON_REQUIRED: { description: '说明理由: approval needs a recorded reason (jointDisciplineReason).' },
  },
});

/**
 * The defaults (README, "Joint discipline"): kinds that carry passengers, hazardous goods or public works are
 * refused to a seriously dishonest applicant; the others need a reason. JOINT_DISCIPLINE_RULES overrides them.
 */
export const DEFAULT_SERIOUS_DISHONESTY_RULES: Readonly<Record<PermitKind, SeriousDishonestyRule>> = {
  ROAD_PASSENGER_TRANSPORT: SeriousDishonestyRule.REFUSE,
  ROAD_FREIGHT_TRANSPORT: SeriousDishonestyRule.REASON_REQUIRED,
  HAZARDOUS_GOODS_TRANSPORT: SeriousDishonestyRule.REFUSE,
  HIGHWAY_CONSTRUCTION: SeriousDishonestyRule.REFUSE,
  CROSS_PROVINCE_OVERSIZE_TRANSPORT: SeriousDishonestyRule.REASON_REQUIRED,
};

/**
 * Parses `KIND=RULE,KIND=RULE` (e.g. `ROAD_FREIGHT_TRANSPORT=REFUSE`) over the defaults; an unknown kind
 * or rule is an error at start, never a silent default.
 */
export function seriousDishonestyRules(
  overrides: string | undefined,
): Readonly<Record<PermitKind, SeriousDishonestyRule>> {
  const rules = { ...DEFAULT_SERIOUS_DISHONESTY_RULES };
  for (const part of (overrides ?? '').split(',').map((each) => each.trim())) {
    if (part === '') continue;
    const [kind, rule, ...rest] = part.split('=').map((each) => each.trim());
    if (rest.length > 0 || !(kind in PermitKind) || !(rule in SeriousDishonestyRule)) {
      throw new Error(
        `JOINT_DISCIPLINE_RULES: "${part}" is not KIND=RULE with KIND one of ${Object.keys(PermitKind).join(', ')} and RULE one of ${Object.keys(SeriousDishonestyRule).join(', ')}`,
      );
    }
    rules[kind as PermitKind] = rule as SeriousDishonestyRule;
  }
  return rules;
}
