import table from '../../../platform/codes/gb2260-regions.json';
import { NATIONAL_REGION_CODE, provinceOf } from '../../../platform/codes/region-code';

/** An authority that signs electronic certificates: a provincial transport department or the ministry. */
export interface IssuingAuthority {
  regionCode: string;
  name: string;
}

// The four municipalities' transport authorities are not called 交通运输厅.
const NAMED_OTHERWISE: Readonly<Record<string, string>> = {
  '110000': '北京市交通委员会',
  '120000': '天津市交通运输委员会',
  '310000': '上海市交通委员会',
  '500000': '重庆市交通局',
};

/**
 * Every authority that must hold a signing key: the ministry and each provincial-level region of the
 * GB/T 2260 table. The names are only what a freshly generated (development) key file says; a key
 * file's `authorityName` is what certificates carry.
 */
export const ISSUING_AUTHORITIES: readonly IssuingAuthority[] = [
  { regionCode: NATIONAL_REGION_CODE, name: '中华人民共和国交通运输部' },
  ...Object.entries(table.regions as Record<string, string>)
    .filter(([code]) => code.endsWith('0000'))
    .map(([regionCode, name]) => ({ regionCode, name: NAMED_OTHERWISE[regionCode] ?? `${name}交通运输厅` })),
];

const AUTHORITY_CODES = new Set(ISSUING_AUTHORITIES.map((authority) => authority.regionCode));

export function isIssuingAuthority(regionCode: string): boolean {
  return AUTHORITY_CODES.has(regionCode);
}

/**
 * The authority that signs the certificate of a permit granted in `permitRegionCode`: the province's
 * transport department (its e-licence platform signs for the cities and counties under it), or the
 * ministry for permits granted nationally.
 */
export function signingAuthorityOf(permitRegionCode: string): string {
  return permitRegionCode === NATIONAL_REGION_CODE ? NATIONAL_REGION_CODE : provinceOf(permitRegionCode);
}
