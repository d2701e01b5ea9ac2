import { randomInt } from 'node:crypto';
import { chinaDate } from '../../../platform/time/china-time';
import { PERMIT_KIND_CODE, type PermitKind } from './permit-kind';

function serial(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** 申请编号: XK, the handling region, the submission day (China time), a random serial. */
export function applicationNumberOf(regionCode: string, submittedAt: Date): string {
  return `XK${regionCode}${chinaDate(submittedAt).replace(/-/g, '')}${serial()}`;
}

/** 许可证号: the issuing region, the year the permit is valid from, the kind's code, a random serial. */
export function permitNumberOf(regionCode: string, validFrom: string, kind: PermitKind): string {
  return `${regionCode}${validFrom.slice(0, 4)}${PERMIT_KIND_CODE[kind]}${serial()}`;
}
