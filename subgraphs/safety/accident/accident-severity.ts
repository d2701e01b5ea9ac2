import { registerEnumType } from 'type-graphql';

/** 生产安全事故报告和调查处理条例 第三条: the four grades of an accident, least grave first. */
export enum AccidentSeverity {
  GENERAL = 'GENERAL',
  LARGER = 'LARGER',
  MAJOR = 'MAJOR',
  EXTRAORDINARY = 'EXTRAORDINARY',
}

registerEnumType(AccidentSeverity, {
  name: 'AccidentSeverity',
  description: 'Grade of a production safety accident (事故等级), after the 2007 regulations, article 3.',
  valuesConfig: {
    GENERAL: { description: 'General (一般事故): under 3 deaths, 10 serious injuries and 10 million yuan.' },
    LARGER: { description: 'Larger (较大事故): 3-9 deaths, 10-49 serious injuries or 10-50 million yuan.' },
    MAJOR: { description: 'Major (重大事故): 10-29 deaths, 50-99 serious injuries or 50-100 million yuan.' },
    EXTRAORDINARY: {
      description: 'Extraordinarily major (特别重大事故): 30+ deaths, 100+ serious injuries or 100+ million yuan.',
    },
  },
});

const ORDER: readonly AccidentSeverity[] = [
  AccidentSeverity.GENERAL,
  AccidentSeverity.LARGER,
  AccidentSeverity.MAJOR,
  AccidentSeverity.EXTRAORDINARY,
];

/** The lower bounds of each grade: deaths, serious injuries, direct economic loss in fen. */
const THRESHOLDS: ReadonlyArray<[AccidentSeverity, number, number, number]> = [
  [AccidentSeverity.EXTRAORDINARY, 30, 100, 100_000_000_00],
  [AccidentSeverity.MAJOR, 10, 50, 50_000_000_00],
  [AccidentSeverity.LARGER, 3, 10, 10_000_000_00],
];

/** The least grade the figures make an accident: any one threshold reached is enough. */
export function severityOfFigures(deaths: number, injuries: number, directLossFen: number): AccidentSeverity {
  for (const [severity, minDeaths, minInjuries, minLossFen] of THRESHOLDS) {
    if (deaths >= minDeaths || injuries >= minInjuries || directLossFen >= minLossFen) return severity;
  }
  return AccidentSeverity.GENERAL;
}

/** True when `severity` is at least as grave as `other`. */
export function atLeast(severity: AccidentSeverity, other: AccidentSeverity): boolean {
  return ORDER.indexOf(severity) >= ORDER.indexOf(other);
}
