import type { EventType } from '../../../platform/outbox/domain-event';
import { INDICATOR_CATALOGUE, indicatorDefinition } from '../catalogue/indicator-catalogue';
import type { IndicatorDefinition } from '../catalogue/indicator-definition';

/**
 * The open data list (数据开放清单): the indicators the public may read without signing in (openIndicators),
 * each at province level and above at the finest. It is reviewed like code: adding a line publishes an
 * indicator to anyone. The rules every line must keep are in openDataListProblems (checked at load and by
 * its spec); the note says, in Chinese and English, why the indicator is safe to open.
 */
export interface OpenDataEntry {
  indicator: string;
  /** The finest regions it is opened at: PROVINCE (a province, 省级, or the country) or NATIONAL (全国 only). */
  finest: 'PROVINCE' | 'NATIONAL';
  note: string;
}

export const OPEN_DATA_LIST: readonly OpenDataEntry[] = [
  {
    indicator: 'PERMITS_ISSUED',
    finest: 'PROVINCE',
    note: '行政许可办理量，已按“双公示”公开。Permits issued; each is public already under 双公示.',
  },
  {
    indicator: 'CASES_OPENED',
    finest: 'PROVINCE',
    note: '执法立案量，不含当事人信息。Cases filed; nothing about the parties.',
  },
  {
    indicator: 'CASES_DECIDED',
    finest: 'PROVINCE',
    note: '处罚决定量，不含当事人信息。Cases decided; nothing about the parties.',
  },
  {
    indicator: 'WAYBILLS_CREATED',
    finest: 'PROVINCE',
    note: '危险货物电子运单量，按起运省份。Hazardous-goods waybills by origin province; no carrier or vehicle.',
  },
  // FINES_FEN is not opened: a sum of money is not a count of cases, so hiding small cells cannot tell
  // one enterprise's fine from many, and a province's month can hold a single large fine.
];

/**
 * Events about a natural person or keyed by something that identifies one (a plate number of a private
 * vehicle is personal information under PIPL 个人信息保护法): an indicator counted from them is derived from
 * personal information and stays closed, whatever its cells count.
 */
export const PERSONAL_INFORMATION_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  'vehicle.registered',
  'vehicle.certificate-changed',
  'safety-alert.escalated',
]);

/** Dimensions whose values name a person, a vehicle or a single enterprise or site. */
const IDENTIFYING_DIMENSION = /PERSON|DRIVER|PLATE|VEHICLE|ENTERPRISE|CREDIT_CODE|CARRIER|STATION/;

/** The counted indicator a figure's cells are judged by: itself for a count, the denominator or histogram else. */
export function suppressionBasis(definition: IndicatorDefinition): string | null {
  switch (definition.aggregation) {
    case 'SUM':
    case 'STOCK':
      return definition.unit === 'COUNT' ? (definition.flow ?? definition.code) : null;
    case 'RATIO':
      return indicatorDefinition(definition.denominator!)?.unit === 'COUNT' ? definition.denominator! : null;
    case 'MEDIAN':
      return definition.histogram!;
  }
}

/** Why the list may not be opened as it stands, or an empty list. */
export function openDataListProblems(
  list: readonly OpenDataEntry[],
  catalogue: readonly IndicatorDefinition[] = INDICATOR_CATALOGUE,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const entry of list) {
    const definition = catalogue.find((candidate) => candidate.code === entry.indicator);
    if (seen.has(entry.indicator)) problems.push(`${entry.indicator}: listed twice`);
    seen.add(entry.indicator);
    if (!definition) {
      problems.push(`${entry.indicator}: not an indicator of the catalogue`);
      continue;
    }
    if (!['PROVINCE', 'NATIONAL'].includes(entry.finest))
      problems.push(`${entry.indicator}: opened only at province level and above (PROVINCE or NATIONAL)`);
    if (!/\p{Script=Han}/u.test(entry.note) || !/[A-Za-z]{3}/.test(entry.note))
      problems.push(`${entry.indicator}: the note says why it is safe to open, in Chinese and English`);
    const personal = definition.sourceEvents.filter((type) => PERSONAL_INFORMATION_EVENTS.has(type));
    if (personal.length > 0)
      problems.push(`${entry.indicator}: derived from personal information (${personal.join(', ')})`);
    if (definition.dimension && IDENTIFYING_DIMENSION.test(definition.dimension.code))
      problems.push(`${entry.indicator}: its dimension ${definition.dimension.code} identifies someone`);
    if (suppressionBasis(definition) === null)
      problems.push(`${entry.indicator}: small cells cannot be hidden (not a count, and not made of counts)`);
  }
  return problems;
}

const problems = openDataListProblems(OPEN_DATA_LIST);
if (problems.length > 0) throw new Error(`The open data list is not sound:\n${problems.join('\n')}`);

const BY_CODE = new Map(OPEN_DATA_LIST.map((entry) => [entry.indicator, entry]));

/** The list's line for an indicator, or undefined when it is not opened. */
export function openDataEntry(indicator: string): OpenDataEntry | undefined {
  return BY_CODE.get(indicator);
}
