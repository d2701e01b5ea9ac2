import { Kind, parse, print, visit, type FieldNode, type SelectionSetNode } from 'graphql';
import { fieldsOfKind, TextKind, type TextFieldRules } from '../../platform/graphql/text-fields';

// Personal information written into free text, in the variants people type, and the checks that it is
// read back masked, field by field, across a whole response.

/** What testers wrote into a case's cause, with a phone number in full-width digits and more besides. */
export const PERSONAL_TEXT =
  '当事人王五（身份证号11010519491231002X，手机１３８ １２３４ ５６７８，座机025-83123456，卡号6222 0212 3456 7890 123，邮箱wang.wu@example.com）';
/** For fields of at most 50 characters. */
export const SHORT_PERSONAL_TEXT = '王五 手机13812345678 身份证11010519491231002X';
/** What each of them reads as when masked. */
export const MASKED_MARK = '138****5678';
/** Found in each of them, in full. */
export const IN_FULL_MARK = '11010519491231002X';

/** Must never be readable in a masked value, however separated. */
const SECRETS = ['11010519491231002', '13812345678', '83123456', '6222021234567890123', 'wangwu'];

function compact(value: string): string {
  return value.normalize('NFKC').replace(/[\s\-.()]/g, '');
}

/** The document with `__typename` in every selection set, so each value in the answer names its type. */
export function withTypenames(document: string): string {
  const typename: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };
  return print(
    visit(parse(document), {
      SelectionSet(node: SelectionSetNode, _key, parent) {
        if ((parent as { kind?: string } | undefined)?.kind === Kind.OPERATION_DEFINITION) return undefined;
        return { ...node, selections: [...node.selections, typename] };
      },
    }),
  );
}

/** Every string value of a field of `kind` in the answer, as `Type.field` -> values. */
export function valuesOfKind(data: unknown, rules: TextFieldRules, kind: TextKind): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const typeName = typeof record.__typename === 'string' ? record.__typename : undefined;
    for (const [field, fieldValue] of Object.entries(record)) {
      const strings = typeof fieldValue === 'string' ? [fieldValue] : Array.isArray(fieldValue) ? fieldValue : [];
      if (typeName && rules[typeName]?.[field] === kind) {
        const name = `${typeName}.${field}`;
        found.set(name, [
          ...(found.get(name) ?? []),
          ...strings.filter((item): item is string => typeof item === 'string'),
        ]);
      }
      walk(fieldValue);
    }
  };
  walk(data);
  return found;
}

/** Every string in the answer with where it is, `path: value`. */
function allStrings(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return [`${path}: ${value}`];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => allStrings(item, path ? `${path}.${key}` : key));
}

/**
 * Every free-text field of the rules but those named appears in the answer with personal information
 * written into it, masked; no value anywhere in the answer, whatever its rule, shows a number in clear.
 */
export function expectFreeTextMasked(data: unknown, rules: TextFieldRules, notWritable: readonly string[] = []): void {
  const clear = allStrings(data).filter((entry) => SECRETS.some((secret) => compact(entry).includes(secret)));
  expect(clear).toEqual([]);
  const values = valuesOfKind(data, rules, TextKind.FREE_TEXT);
  const masked = new Set(
    [...values.entries()]
      .filter(([, list]) => list.some((value) => value.includes(MASKED_MARK)))
      .map(([field]) => field),
  );
  const expected = fieldsOfKind(rules, TextKind.FREE_TEXT).filter((field) => !notWritable.includes(field));
  expect(expected.filter((field) => !masked.has(field))).toEqual([]);
}

/** The same fields, read by a pii-reader who declared a purpose: the text as written. */
export function expectFreeTextInFull(data: unknown, rules: TextFieldRules, notWritable: readonly string[] = []): void {
  const values = valuesOfKind(data, rules, TextKind.FREE_TEXT);
  const expected = fieldsOfKind(rules, TextKind.FREE_TEXT).filter((field) => !notWritable.includes(field));
  expect(expected.filter((field) => !(values.get(field) ?? []).some((value) => value.includes(IN_FULL_MARK)))).toEqual(
    [],
  );
}

export function purposeHeaders(code: string, reason: string): Record<string, string> {
  return { 'x-purpose': code, 'x-purpose-reason': encodeURIComponent(reason) };
}
