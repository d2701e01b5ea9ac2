import list from './dangerous-goods-list.json';

// The dangerous goods list a waybill's UN number, class and packing group are checked against: the US
// Hazardous Materials Table (49 CFR 172.101, public domain), whose UN numbers, classes/divisions and packing
// groups follow the UN Model Regulations' Dangerous Goods List, as GB 12268-2012 (危险货物品名表) does. The
// JSON is imported, so tsc copies it next to the compiled module; scripts/dangerous-goods/convert-hmt.ts made it.
//
// Names are the table's English ones. Waybills name goods in Chinese (品名), so the goods name is never
// compared with them: properShippingNames() gives them for display beside the declared name.

export interface DangerousGoodsEntry {
  /** `UN` and four digits, e.g. UN1203. */
  readonly unNumber: string;
  /** Column 2 of the table as printed: the proper shipping name with any qualifying text. */
  readonly name: string;
  /** GB 6944 class or division: 1.1-1.6 (no compatibility group), 2.1-2.3, 3, 4.1-4.3, 5.1, 5.2, 6.1, 6.2, 7, 8, 9. */
  readonly hazardClass: string;
  /** I, II or III; null where the entry has none (explosives, gases, class 7, 5.2, 6.2, some articles). */
  readonly packingGroup: 'I' | 'II' | 'III' | null;
}

/** Where the list comes from, as its file states it. */
export const DANGEROUS_GOODS_LIST_SOURCE: string = list.source;

let index: ReadonlyMap<string, readonly DangerousGoodsEntry[]> | undefined;

function entriesByUnNumber(): ReadonlyMap<string, readonly DangerousGoodsEntry[]> {
  if (index) return index;
  const byNumber = new Map<string, DangerousGoodsEntry[]>();
  for (const [unNumber, name, hazardClass, packingGroup] of list.entries) {
    const entry: DangerousGoodsEntry = Object.freeze({
      unNumber,
      name,
      hazardClass,
      packingGroup: packingGroup === '' ? null : (packingGroup as 'I' | 'II' | 'III'),
    });
    const entries = byNumber.get(unNumber) ?? [];
    entries.push(entry);
    byNumber.set(unNumber, entries);
  }
  index = byNumber;
  return index;
}

/** `UN1203`, `un 1203` and `1203` all name UN1203. */
function normalised(unNumber: string): string {
  const digits = unNumber
    .trim()
    .toUpperCase()
    .replace(/^UN\s*/, '');
  return `UN${digits}`;
}

/** Every entry of the list for the UN number; empty when the list does not have it. */
export function dangerousGoodsEntries(unNumber: string): readonly DangerousGoodsEntry[] {
  return entriesByUnNumber().get(normalised(unNumber)) ?? [];
}

/** The distinct English names the list gives the UN number, for display beside the waybill's Chinese name. */
export function properShippingNames(unNumber: string): readonly string[] {
  return [...new Set(dangerousGoodsEntries(unNumber).map((entry) => entry.name))];
}

/** The UN numbers the list holds, in order. */
export function dangerousGoodsUnNumbers(): readonly string[] {
  return [...entriesByUnNumber().keys()];
}

export interface DangerousGoodsDeclaration {
  unNumber: string;
  hazardClass: string;
  packingGroup?: string | null;
  /** The waybill's name for the goods, usually Chinese: shown with the list's names, never compared. */
  goodsName?: string | null;
}

export interface DangerousGoodsProblem {
  field: 'unNumber' | 'hazardClass' | 'packingGroup' | 'goodsName';
  code: 'UNKNOWN_UN_NUMBER' | 'CLASS_MISMATCH' | 'PACKING_GROUP_MISMATCH';
  message: string;
}

/** A declared class matches an entry's division itself, or is the class the division belongs to (2 for 2.3). */
function classMatches(declared: string, listed: string): boolean {
  return declared === listed || listed.startsWith(`${declared}.`);
}

function joined(values: readonly string[]): string {
  return values.join(', ');
}

/**
 * Checks a waybill's UN number, class and packing group against the list. Where the list has several entries
 * for the number (different classes, or packing groups by concentration), any listed combination is accepted.
 * A value that is not of the right form is left to the format checks of dangerous-goods.ts.
 */
export function checkDangerousGoods(declaration: DangerousGoodsDeclaration): DangerousGoodsProblem[] {
  const unNumber = normalised(declaration.unNumber);
  const entries = dangerousGoodsEntries(unNumber);
  if (entries.length === 0) {
    return [
      {
        field: 'unNumber',
        code: 'UNKNOWN_UN_NUMBER',
        message: `${unNumber} 不在危险货物品名表中 (${unNumber} is not in the dangerous goods list)`,
      },
    ];
  }

  const hazardClass = declaration.hazardClass.trim();
  const sameClass = entries.filter((entry) => classMatches(hazardClass, entry.hazardClass));
  if (sameClass.length === 0) {
    const expected = joined([...new Set(entries.map((entry) => entry.hazardClass))]);
    return [
      {
        field: 'hazardClass',
        code: 'CLASS_MISMATCH',
        message:
          `${unNumber} 的类别/项别应为 ${expected}，申报为 ${hazardClass} ` +
          `(${unNumber} is class/division ${expected}, not ${hazardClass})`,
      },
    ];
  }

  const listed = new Set(sameClass.map((entry) => entry.packingGroup));
  const groups = ['I', 'II', 'III'].filter((group) => listed.has(group as 'I' | 'II' | 'III'));
  const packingGroup = declaration.packingGroup?.trim() || null;
  if (packingGroup === null) {
    if (listed.has(null)) return [];
    return [
      {
        field: 'packingGroup',
        code: 'PACKING_GROUP_MISMATCH',
        message:
          `${unNumber} (${hazardClass} 类) 须申报包装类别 ${joined(groups)} ` +
          `(${unNumber} class ${hazardClass} needs packing group ${joined(groups)})`,
      },
    ];
  }
  if (!groups.includes(packingGroup)) {
    const expected = groups.length > 0 ? `包装类别 ${joined(groups)}` : '无包装类别';
    const expectedEn = groups.length > 0 ? `packing group ${joined(groups)}` : 'no packing group';
    return [
      {
        field: 'packingGroup',
        code: 'PACKING_GROUP_MISMATCH',
        message:
          `${unNumber} (${hazardClass} 类) 应为${expected}，申报为 ${packingGroup} ` +
          `(${unNumber} class ${hazardClass} has ${expectedEn}, not ${packingGroup})`,
      },
    ];
  }
  return [];
}
