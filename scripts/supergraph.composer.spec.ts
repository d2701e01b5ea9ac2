import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, visit, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import { brokenOperations, seedOperations } from './operation-check';
import {
  COMPOSED_SUBGRAPHS,
  composeSubgraphSdl,
  composeSupergraph,
  type ComposedSubgraphName,
} from './supergraph.composer';

const schemaDirectory = join(__dirname, '..', '..', 'schema');

describe('committed schema files', () => {
  it('match what `npm run compose` produces from the code (run it after changing a subgraph)', async () => {
    const composed = await composeSupergraph();
    for (const name of COMPOSED_SUBGRAPHS) {
      expect(readFileSync(join(schemaDirectory, `${name}.graphql`), 'utf8')).toBe(composed.subgraphSdl[name]);
    }
    expect(readFileSync(join(schemaDirectory, 'supergraph.graphql'), 'utf8')).toBe(composed.supergraphSdl);
    expect(readFileSync(join(schemaDirectory, 'api.graphql'), 'utf8')).toBe(composed.apiSdl);
    expect(readFileSync(join(schemaDirectory, 'supergraph.yaml'), 'utf8')).toBe(composed.supergraphYaml);
  });

  it('compose the single-window query fields from all five subgraphs onto Enterprise', async () => {
    const { supergraphSdl } = await composeSupergraph();
    const enterprise = /type Enterprise\b[^{]*\{([\s\S]*?)\n\}/.exec(supergraphSdl)?.[1] ?? '';
    for (const field of ['permits', 'enforcementCases', 'creditProfile', 'waybills', 'activitySummary']) {
      expect(enterprise).toMatch(new RegExp(`\\n\\s+${field}\\(|\\n\\s+${field}:`));
    }
  });
});

function committedSubgraphSdl(): Record<ComposedSubgraphName, string> {
  const sdl = {} as Record<ComposedSubgraphName, string>;
  for (const name of COMPOSED_SUBGRAPHS) sdl[name] = readFileSync(join(schemaDirectory, `${name}.graphql`), 'utf8');
  return sdl;
}

/** The SDL with the @catalogue entry of `typeName.fieldName` replaced (or dropped when `entry` is null). */
function withEntry(sdl: string, typeName: string, fieldName: string, entry: ConstDirectiveNode | null): string {
  let inType = false;
  const changed: DocumentNode = visit(parse(sdl), {
    ObjectTypeDefinition: {
      enter: (node) => {
        inType = node.name.value === typeName;
      },
      leave: () => {
        inType = false;
      },
    },
    FieldDefinition: (node) => {
      if (!inType || node.name.value !== fieldName) return undefined;
      const others = (node.directives ?? []).filter((directive) => directive.name.value !== 'catalogue');
      return { ...node, directives: entry ? [...others, entry] : others };
    },
  });
  return print(changed);
}

function entryDirective(arguments_: string): ConstDirectiveNode {
  const document = parse(`type T { f: Int @catalogue(${arguments_}) }`);
  const [definition] = document.definitions;
  if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) throw new Error('unexpected');
  return definition.fields![0].directives![0];
}

describe("composition's catalogue check", () => {
  it('fails naming a data field whose entry was dropped', () => {
    const sdl = committedSubgraphSdl();
    sdl.credit = withEntry(sdl.credit, 'CreditListEntry', 'criterion', null);
    sdl.audit = withEntry(sdl.audit, 'AuditRecord', 'hash', null);
    expect(() => composeSubgraphSdl(sdl)).toThrow(/Catalogue check failed/);
    expect(() => composeSubgraphSdl(sdl)).toThrow(/CreditListEntry\.criterion has no catalogue entry/);
    expect(() => composeSubgraphSdl(sdl)).toThrow(/AuditRecord\.hash has no catalogue entry/);
  });

  it('fails when the subgraphs sharing a key give it different entries', () => {
    const sdl = committedSubgraphSdl();
    const other = entryDirective(
      'category: "credit", shareClass: CONDITIONAL, updateFrequency: "DAILY", legalBasis: "x"',
    );
    sdl.credit = withEntry(sdl.credit, 'Enterprise', 'creditCode', other);
    expect(() => composeSubgraphSdl(sdl)).toThrow(/@catalogue is applied to "Enterprise\.creditCode"/);
  });

  it('passes the committed subgraphs, and counts no structure (connections, payloads) as data', () => {
    const composed = composeSubgraphSdl(committedSubgraphSdl());
    expect(composed.supergraphSdl).toContain('@link(url: "https://single-window.mot.gov.cn/catalogue/v1.0"');
    const connection = /type PermitConnection\b[^{]*\{([\s\S]*?)\n\}/.exec(composed.supergraphSdl)?.[1] ?? '';
    expect(connection).toContain('totalCount');
    expect(connection).not.toContain('@catalogue');
  });
});

/** The SDL without one field of one type, as a subgraph change that removes it would print it. */
function withoutField(sdl: string, typeName: string, fieldName: string): string {
  const document = visit(parse(sdl), {
    ObjectTypeDefinition: (node) =>
      node.name.value === typeName
        ? { ...node, fields: node.fields?.filter((field) => field.name.value !== fieldName) }
        : undefined,
  });
  return print(document);
}

describe('the operation check', () => {
  const seeds = seedOperations(join(__dirname, '..', '..', 'gateway', 'persisted-operations'));

  it('finds every seed operation valid against the committed schema', async () => {
    const { apiSdl } = await composeSupergraph();
    expect(seeds.map((seed) => seed.name)).toContain('EnterpriseCreditAndPermits');
    expect(brokenOperations(apiSdl, seeds)).toEqual([]);
  });

  it('fails a composition that removes a field a seed operation reads, naming it, its version and owner', () => {
    const subgraphSdl = committedSubgraphSdl();
    const { apiSdl } = composeSubgraphSdl({
      ...subgraphSdl,
      credit: withoutField(subgraphSdl.credit, 'CreditProfile', 'rating'),
    });
    expect(brokenOperations(apiSdl, seeds)).toEqual([
      'partner-ndrc/EnterpriseCreditAndPermits (seed file, registered by seed): Cannot query field "rating" on type "CreditProfile".',
    ]);
    const seed = seeds.find((operation) => operation.name === 'EnterpriseCreditAndPermits')!;
    const registered = { ...seed, version: 3, registeredBy: 'ndrc-partner-admin' };
    expect(brokenOperations(apiSdl, [registered])[0]).toMatch(
      /^partner-ndrc\/EnterpriseCreditAndPermits \(version 3, registered by ndrc-partner-admin\)/,
    );
  });
});
