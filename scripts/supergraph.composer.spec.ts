import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, visit, type ConstDirectiveNode, type DocumentNode } from 'graphql';
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
