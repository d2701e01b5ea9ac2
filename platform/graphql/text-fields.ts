import {
  defaultFieldResolver,
  getNamedType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { mayReadPersonalInformation } from '../auth/personal-information.policy';
import type { Identity } from '../auth/identity';
import type { Purpose } from '../auth/purpose';
import { maskFreeText, maskPersonName, maskPhone, maskResidentId } from '../codes/personal-information';

/**
 * What a text field a subgraph serves may hold, declared once per field next to the subgraph
 * (`<subgraph>.text-fields.ts`) and applied here to the field's resolver, whichever path reaches it:
 * - FREE_TEXT: anything a person typed (causes, comments, reasons, file names, names of shippers):
 *   resident ID, bank card, phone numbers and e-mail addresses in it are masked;
 * - PERSON_NAME, RESIDENT_ID, PHONE_NUMBER: a field that is exactly that, masked as a whole;
 * - NOT_PERSONAL: codes, numbers the system assigns, usernames of staff, dates, digests, texts the system
 *   writes, the signed public content of certificates.
 * Masked unless the caller holds pii-reader and declared a purpose. A String field without a rule stops
 * the subgraph from starting, so a new free-text field cannot be served unmasked by omission.
 */
export enum TextKind {
  FREE_TEXT = 'FREE_TEXT',
  PERSON_NAME = 'PERSON_NAME',
  RESIDENT_ID = 'RESIDENT_ID',
  PHONE_NUMBER = 'PHONE_NUMBER',
  NOT_PERSONAL = 'NOT_PERSONAL',
}

/** Type name -> field name -> what the field holds. */
export type TextFieldRules = Readonly<Record<string, Readonly<Record<string, TextKind>>>>;

/** Types every subgraph shares from the platform. */
export const PLATFORM_TEXT_FIELDS: TextFieldRules = {
  PageInfo: { startCursor: TextKind.NOT_PERSONAL, endCursor: TextKind.NOT_PERSONAL },
};

const MASKS: Readonly<Record<Exclude<TextKind, TextKind.NOT_PERSONAL>, (value: string) => string>> = {
  FREE_TEXT: maskFreeText,
  PERSON_NAME: maskPersonName,
  RESIDENT_ID: maskResidentId,
  PHONE_NUMBER: maskPhone,
};

/** Connection edges' cursors are opaque positions the server writes; they need no rule. */
function isEdgeCursor(typeName: string, fieldName: string): boolean {
  return typeName.endsWith('Edge') && fieldName === 'cursor';
}

/** Every String field of the schema's object types, as `Type.field`. */
export function textFieldsOf(schema: GraphQLSchema): string[] {
  const fields: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('_')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith('_') || getNamedType(field.type).name !== 'String') continue;
      if (!isEdgeCursor(type.name, field.name)) fields.push(`${type.name}.${field.name}`);
    }
  }
  return fields;
}

/** The fields of `rules` that hold the given kind, as `Type.field`. */
export function fieldsOfKind(rules: TextFieldRules, kind: TextKind): string[] {
  return Object.entries(rules).flatMap(([typeName, fields]) =>
    Object.entries(fields)
      .filter(([, fieldKind]) => fieldKind === kind)
      .map(([fieldName]) => `${typeName}.${fieldName}`),
  );
}

function ruleOf(rules: TextFieldRules, typeName: string, fieldName: string): TextKind | undefined {
  return Object.hasOwn(rules, typeName) && Object.hasOwn(rules[typeName], fieldName)
    ? rules[typeName][fieldName]
    : undefined;
}

/** String fields without a rule, and rules naming no String field of the schema. Empty when they match. */
export function textFieldProblems(schema: GraphQLSchema, subgraphRules: TextFieldRules): string[] {
  const rules: TextFieldRules = { ...PLATFORM_TEXT_FIELDS, ...subgraphRules };
  const served = textFieldsOf(schema);
  const problems = served
    .filter((name) => {
      const [typeName, fieldName] = name.split('.');
      return ruleOf(rules, typeName, fieldName) === undefined;
    })
    .map((name) => `${name} declares no text rule (FREE_TEXT, PERSON_NAME, ..., NOT_PERSONAL)`);
  const servedNames = new Set(served);
  for (const [typeName, fields] of Object.entries(subgraphRules)) {
    for (const fieldName of Object.keys(fields)) {
      if (!servedNames.has(`${typeName}.${fieldName}`))
        problems.push(`${typeName}.${fieldName} has a text rule but is no String field of the schema`);
    }
  }
  return problems;
}

const MASKING_NOTES: Readonly<Record<Exclude<TextKind, TextKind.NOT_PERSONAL>, string>> = {
  FREE_TEXT:
    'Resident ID, bank card and phone numbers and e-mail addresses in it are masked unless a pii-reader declared a purpose.',
  PERSON_NAME: 'Masked (王**) unless a pii-reader declared a purpose.',
  RESIDENT_ID: 'Masked to its first four and last four characters unless a pii-reader declared a purpose.',
  PHONE_NUMBER: 'Masked (138****5678) unless a pii-reader declared a purpose.',
};

/** Adds to each masked field's description how it is masked, so the published schema says so. */
export function describeMaskedFields(schema: GraphQLSchema, rules: TextFieldRules): void {
  for (const [typeName, fields] of Object.entries(rules)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    for (const [fieldName, kind] of Object.entries(fields)) {
      const field = type.getFields()[fieldName];
      if (kind === TextKind.NOT_PERSONAL || !field) continue;
      field.description = [field.description, MASKING_NOTES[kind]].filter(Boolean).join(' ');
    }
  }
}

interface CallerContext {
  identity?: Identity | null;
  purpose?: Purpose | null;
}

function maskedValue(value: unknown, mask: (text: string) => string): unknown {
  if (typeof value === 'string') return mask(value);
  if (Array.isArray(value)) return value.map((item) => maskedValue(item, mask));
  return value;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/**
 * Wraps the resolver of every field that holds personal information so its value is masked for callers
 * who may not read it in full. Checks first that every String field has a rule (else throws).
 */
export function maskTextFields(schema: GraphQLSchema, subgraphRules: TextFieldRules): GraphQLSchema {
  const problems = textFieldProblems(schema, subgraphRules);
  if (problems.length > 0) throw new Error(`Text fields without a personal-information rule: ${problems.join('; ')}`);
  for (const [typeName, fields] of Object.entries(subgraphRules)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    for (const [fieldName, kind] of Object.entries(fields)) {
      if (kind === TextKind.NOT_PERSONAL) continue;
      const field = type.getFields()[fieldName];
      const mask = MASKS[kind];
      const resolve: GraphQLFieldResolver<unknown, CallerContext> = field.resolve ?? defaultFieldResolver;
      const present = (value: unknown, context: CallerContext) =>
        mayReadPersonalInformation(context ?? {}) ? value : maskedValue(value, mask);
      field.resolve = (source, args, context: CallerContext, info) => {
        const value = resolve(source, args, context, info);
        return isPromiseLike(value) ? value.then((resolved) => present(resolved, context)) : present(value, context);
      };
    }
  }
  return schema;
}
