import table from './gb2260-regions.json';

// GB/T 2260 has no code for the whole country; tokens of national bodies carry this one.
export const NATIONAL_REGION_CODE = '000000';

const regions: Record<string, string> = table.regions;

export function regionName(code: string): string | undefined {
  return code === NATIONAL_REGION_CODE ? '全国' : regions[code];
}

/** Returns why the value is not a known six-digit region code, or null when it is. */
export function regionCodeProblem(value: string, options: { allowNational?: boolean } = {}): string | null {
  if (!/^\d{6}$/.test(value)) return 'must be six digits (GB/T 2260)';
  if (value === NATIONAL_REGION_CODE) return options.allowNational ? null : 'the national code is not a region';
  if (!(value in regions)) return 'is not in the GB/T 2260 code table';
  return null;
}

/**
 * The chain from the code up to its province, the code first: county -> prefecture -> province.
 * Prefecture rows are absent for some counties (for example those directly under a province),
 * so a missing level is skipped rather than invented.
 */
export function regionAncestry(code: string): string[] {
  const chain = [code];
  const prefecture = `${code.slice(0, 4)}00`;
  const province = `${code.slice(0, 2)}0000`;
  if (prefecture !== code && prefecture in regions) chain.push(prefecture);
  if (province !== code && province in regions) chain.push(province);
  return chain;
}

/** The code of the province a region lies in. */
export function provinceOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/**
 * True when `code` is `scope` itself or lies under it. A province scope covers its prefectures and
 * counties, a prefecture its counties, the national code everything.
 */
export function regionWithin(code: string, scope: string): boolean {
  if (scope === NATIONAL_REGION_CODE) return true;
  if (scope.endsWith('0000')) return code.startsWith(scope.slice(0, 2));
  if (scope.endsWith('00')) return code.startsWith(scope.slice(0, 4));
  return code === scope;
}

/** The code prefix that selects every region within a scope, for SQL `LIKE 'prefix%'` filters. */
export function regionScopePrefix(scope: string): string {
  if (scope === NATIONAL_REGION_CODE) return '';
  if (scope.endsWith('0000')) return scope.slice(0, 2);
  if (scope.endsWith('00')) return scope.slice(0, 4);
  return scope;
}

/** Every code of the GB/T 2260 table (the national code is not in it). */
export function regionCodes(): string[] {
  return Object.keys(regions);
}
