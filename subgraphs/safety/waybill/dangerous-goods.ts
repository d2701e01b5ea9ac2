import { registerEnumType } from 'type-graphql';

export { hazardClassProblem } from '../../../platform/codes/hazard-class';

// Codes a hazardous-goods waybill carries: the UN number (联合国编号), the GB 6944-2012 class or
// division (类别/项别) and the packing group (包装类别) of the UN Model Regulations that GB 6944 follows.

export enum PackingGroup {
  I = 'I',
  II = 'II',
  III = 'III',
}

registerEnumType(PackingGroup, {
  name: 'PackingGroup',
  description: 'Packing group (包装类别): how dangerous the goods are within their class.',
  valuesConfig: {
    I: { description: 'Packing group I: great danger (I类包装, 高度危险).' },
    II: { description: 'Packing group II: medium danger (II类包装, 中度危险).' },
    III: { description: 'Packing group III: minor danger (III类包装, 轻度危险).' },
  },
});

// UN Model Regulations 2.0.1.3: no packing group for explosives, gases, radioactive material,
// organic peroxides or infectious substances.
const WITHOUT_PACKING_GROUP = new Set(['1', '2', '7', '5.2', '6.2']);

/** Returns why the value is not a UN number (`UN` and four digits), or null when it is. */
export function unNumberProblem(value: string): string | null {
  if (!/^UN\d{4}$/.test(value)) return 'must be UN followed by four digits, e.g. UN1203';
  if (value === 'UN0000') return 'UN0000 is not assigned to any goods';
  return null;
}

/** Returns why goods of `hazardClass` cannot have a packing group, or null when they can. */
export function packingGroupProblem(hazardClass: string): string | null {
  if (WITHOUT_PACKING_GROUP.has(hazardClass) || WITHOUT_PACKING_GROUP.has(hazardClass.slice(0, 1))) {
    return `does not apply to goods of class ${hazardClass}`;
  }
  return null;
}
