import { registerEnumType } from 'type-graphql';
import type { IndicatorDefinition } from './indicator-definition';
import { CREDIT_INDICATORS } from './indicators.credit';
import { ENFORCEMENT_INDICATORS } from './indicators.enforcement';
import { LICENSING_INDICATORS } from './indicators.licensing';
import { SAFETY_INDICATORS } from './indicators.safety';

/** Every indicator the statistics department offers, in the order the catalogue lists them. */
export const INDICATOR_CATALOGUE: readonly IndicatorDefinition[] = [
  ...LICENSING_INDICATORS,
  ...ENFORCEMENT_INDICATORS,
  ...CREDIT_INDICATORS,
  ...SAFETY_INDICATORS,
];

/** Why the catalogue is not sound (checked at load and by its spec), or an empty list. */
export function catalogueProblems(catalogue: readonly IndicatorDefinition[]): string[] {
  const problems: string[] = [];
  const byCode = new Map<string, IndicatorDefinition>();
  for (const definition of catalogue) {
    if (!/^[A-Z][A-Z0-9_]{1,47}$/.test(definition.code)) problems.push(`${definition.code}: code is not UPPER_SNAKE`);
    if (byCode.has(definition.code)) problems.push(`${definition.code}: defined twice`);
    byCode.set(definition.code, definition);
  }
  const summed = (code: string | undefined, role: string, owner: IndicatorDefinition) => {
    const part = code === undefined ? undefined : byCode.get(code);
    if (!part) problems.push(`${owner.code}: ${role} ${code ?? '(missing)'} is not in the catalogue`);
    else if (part.aggregation !== 'SUM') problems.push(`${owner.code}: ${role} ${part.code} is not a SUM indicator`);
  };
  for (const definition of catalogue) {
    if (definition.aggregation === 'RATIO') {
      summed(definition.numerator, 'numerator', definition);
      summed(definition.denominator, 'denominator', definition);
      if (definition.unit !== 'PERCENT') problems.push(`${definition.code}: a RATIO is in PERCENT`);
    }
    if (definition.aggregation === 'MEDIAN') summed(definition.histogram, 'histogram', definition);
    if (definition.aggregation === 'STOCK') summed(definition.flow, 'flow', definition);
    if (definition.aggregation === 'SUM' && definition.sourceEvents.length === 0)
      problems.push(`${definition.code}: a SUM indicator names the events it counts`);
  }
  return problems;
}

const problems = catalogueProblems(INDICATOR_CATALOGUE);
if (problems.length > 0) throw new Error(`The indicator catalogue is not sound:\n${problems.join('\n')}`);

const BY_CODE = new Map(INDICATOR_CATALOGUE.map((definition) => [definition.code, definition]));

/** The definition of an indicator code, or undefined for a code this version does not know. */
export function indicatorDefinition(code: string): IndicatorDefinition | undefined {
  return BY_CODE.get(code);
}

/** An indicator's code; GraphQL checks it against the catalogue (the `Indicator` enum). */
export type Indicator = string;

/** The `Indicator` enum, one value per catalogue entry: `Indicator.PERMITS_ISSUED === 'PERMITS_ISSUED'`. */
export const Indicator: Readonly<Record<string, Indicator>> = Object.freeze(
  Object.fromEntries(INDICATOR_CATALOGUE.map((definition) => [definition.code, definition.code])),
);

export const INDICATORS: readonly Indicator[] = INDICATOR_CATALOGUE.map((definition) => definition.code);

registerEnumType(Indicator, {
  name: 'Indicator',
  description:
    "A statistical indicator (统计指标) of the catalogue (`indicators`), counted from the departments' events per region and month.",
  valuesConfig: Object.fromEntries(
    INDICATOR_CATALOGUE.map((definition) => [
      definition.code,
      { description: `${definition.name} (${definition.nameEn}). ${definition.regionRule}` },
    ]),
  ),
});
