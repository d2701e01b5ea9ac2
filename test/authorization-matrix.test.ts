import { graphql, tokenFor, type GraphQLResponse } from './harness/single-window.client';
import { AUDIT_MATRIX } from './authorization/audit.matrix';
import { CREDIT_MATRIX } from './authorization/credit.matrix';
import { ENFORCEMENT_CASES_MATRIX } from './authorization/enforcement-cases.matrix';
import { ENFORCEMENT_EXCHANGE_MATRIX } from './authorization/enforcement-exchange.matrix';
import { ENFORCEMENT_OVERLOAD_MATRIX } from './authorization/enforcement-overload.matrix';
import { EXCHANGE_MATRIX } from './authorization/exchange.matrix';
import { LICENSING_MATRIX } from './authorization/licensing.matrix';
import {
  ACTORS,
  at,
  JIANGSU,
  NANJING,
  NATIONAL,
  type Actor,
  type ActorRegion,
  type Base,
  type DepartmentMatrix,
  type Json,
  type OperationProbe,
  type Outcome,
  type ProbeContext,
  type Variant,
} from './authorization/matrix.dsl';
import { createBase, createFixtures, FixtureClaims } from './authorization/matrix.fixtures';
import { SAFETY_MONITORING_MATRIX } from './authorization/safety-monitoring.matrix';
import { SAFETY_MATRIX } from './authorization/safety.matrix';
import { STATISTICS_MATRIX } from './authorization/statistics.matrix';

// MLPS level 3 (等保三级) access control: every role x every operation x the record in the caller's
// region, outside it, or shared with it, asserted allowed or refused through the gateway over HTTP.
// The expectations are written out by hand from permission.policy.ts, the resolvers' @Authorized rules
// and region-scope.ts; they are not computed from the code they check. Each department's rows are in
// test/authorization/<department>.matrix.ts, the probes' language in matrix.dsl.ts, the records the
// cells act on in matrix.fixtures.ts.

const DEPARTMENTS: readonly DepartmentMatrix[] = [
  LICENSING_MATRIX,
  ENFORCEMENT_CASES_MATRIX,
  ENFORCEMENT_EXCHANGE_MATRIX,
  ENFORCEMENT_OVERLOAD_MATRIX,
  CREDIT_MATRIX,
  SAFETY_MATRIX,
  SAFETY_MONITORING_MATRIX,
  STATISTICS_MATRIX,
  AUDIT_MATRIX,
  EXCHANGE_MATRIX,
];

type OperationName = string;

function merged<TValue>(
  part: (department: DepartmentMatrix) => Readonly<Record<string, TValue>>,
): Record<string, TValue> {
  const all: Record<string, TValue> = {};
  for (const department of DEPARTMENTS) {
    for (const [operation, value] of Object.entries(part(department))) {
      if (operation in all) throw new Error(`${operation} is in two departments' matrices`);
      all[operation] = value;
    }
  }
  return all;
}

const WHO_MAY = merged((department) => department.whoMay);
const REGION_RULES = merged((department) => department.regionRules);
const PROBES: Record<OperationName, OperationProbe> = merged((department) => department.probes);

// ---------------------------------------------------------------------------------------------------
// The cells: every actor x every operation x every variant the operation has.

const REGION_COLUMN: Record<ActorRegion, number> = { [NATIONAL]: 0, [JIANGSU]: 1, [NANJING]: 2 };

interface Cell {
  title: string;
  actor: Actor;
  operation: OperationName;
  variant: Variant;
  expected: Outcome;
  fixture?: { key: string; index: number };
}

function allowed(operation: OperationName, actor: Actor): boolean {
  const column = ACTORS.indexOf(actor);
  const marks = WHO_MAY[operation].split(/\s+/);
  if (marks.length !== ACTORS.length || !marks.every((mark) => mark === 'Y' || mark === '-'))
    throw new Error(`malformed WHO_MAY row ${operation}`);
  return marks[column] === 'Y';
}

function expectedOutcome(operation: OperationName, variant: Variant, actor: Actor): Outcome {
  if (!allowed(operation, actor)) return 'FORBIDDEN';
  const rule = REGION_RULES[operation][variant];
  if (!rule) throw new Error(`no region rule for ${operation} ${variant}`);
  return rule.split(' ')[REGION_COLUMN[actor.region]] as Outcome;
}

const claims = new FixtureClaims();
const CELLS: Cell[] = [];
for (const operation of Object.keys(WHO_MAY)) {
  const probe = PROBES[operation];
  const variants = Object.keys(REGION_RULES[operation]) as Variant[];
  if (Object.keys(probe.variants).sort().join() !== [...variants].sort().join())
    throw new Error(`${operation}: probes and region rules name different variants`);
  for (const variant of variants) {
    const variantProbe = probe.variants[variant]!;
    for (const actor of ACTORS) {
      const expected = expectedOutcome(operation, variant, actor);
      CELLS.push({
        title: `${actor.username} (${actor.role}) | ${operation} | ${variant} -> ${expected}`,
        actor,
        operation,
        variant,
        expected,
        // A write that should succeed changes its record: it gets one of its own.
        fixture: variantProbe.fixture
          ? claims.claim(variantProbe.fixture, probe.write && expected === 'ok')
          : undefined,
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------------

const CONCURRENCY = 12;

async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next];
        next += 1;
        await work(item);
      }
    }),
  );
}

function errorCodes(response: GraphQLResponse<Json>): Array<string | undefined> {
  return (response.errors ?? []).map((error) => error.extensions?.code);
}

function assertRefused(cell: Cell, response: GraphQLResponse<Json>, base: Base): void {
  const probe = PROBES[cell.operation];
  expect(errorCodes(response)).toEqual([cell.expected]);
  if (probe.enterpriseField && !allowed('Query.enterprise', cell.actor)) {
    // A caller who may not read the registry is refused the enterprise itself, and so all of its fields.
    expect(at(response.data ?? undefined, 'enterprise') ?? null).toBeNull();
    expect(response.errors?.[0]?.path).toEqual(['enterprise']);
  } else if (probe.enterpriseField) {
    // The enterprise itself still answers; only the field is refused.
    expect(at(response.data ?? undefined, 'enterprise.creditCode')).toBe(base.jsEnterprise);
    expect(at(response.data ?? undefined, `enterprise.${probe.field}`)).toBeNull();
    // Refused in the field's own subgraph the path names the field; refused where the other subgraph
    // resolves the enterprise reference, the gateway reports federation's `_entities` under `enterprise`.
    expect(response.errors?.[0]?.path).toEqual([
      'enterprise',
      probe.field === 'permits' || probe.field === 'vehicles' ? probe.field : '_entities',
    ]);
  } else {
    // Nothing of the refused field comes back (a non-null payload nulls the whole answer).
    expect(at(response.data ?? undefined, probe.field) ?? null).toBeNull();
  }
}

function describeResponse(response: GraphQLResponse<Json>): string {
  const errors = response.errors?.map((error) => ({
    code: error.extensions?.code,
    path: error.path,
    message: error.message,
  }));
  return JSON.stringify({ status: response.status, data: response.data, errors }).slice(0, 1500);
}

describe('authorization matrix: every role x every operation x in-region / out-of-region / shared', () => {
  let base: Base;
  let fixtures: Map<string, string[]>;
  const responses = new Map<string, GraphQLResponse<Json> | Error>();
  const tally = { passed: 0, failed: 0 };

  // One context per cell, so a value generated for the request (a credit code, a plate) is the one checked.
  const contexts = new Map<string, ProbeContext>();
  const contextOf = (cell: Cell): ProbeContext => {
    const existing = contexts.get(cell.title);
    if (existing) return existing;
    const context = { base, record: cell.fixture ? (fixtures.get(cell.fixture.key)?.[cell.fixture.index] ?? '') : '' };
    contexts.set(cell.title, context);
    return context;
  };

  async function send(cell: Cell): Promise<void> {
    const { document, variables } = PROBES[cell.operation].variants[cell.variant]!.request(contextOf(cell));
    try {
      responses.set(
        cell.title,
        await graphql<Json>(document, variables, { token: await tokenFor(cell.actor.username) }),
      );
    } catch (error) {
      responses.set(cell.title, error instanceof Error ? error : new Error(String(error)));
    }
  }

  beforeAll(async () => {
    const admin = await tokenFor('ministry-admin');
    base = await createBase(admin);
    fixtures = await createFixtures(admin, base, claims);
    await Promise.all(ACTORS.map((actor) => tokenFor(actor.username)));
    // Reads first, while nothing changes; then the writes, each on its own record or refused.
    await inParallel(
      CELLS.filter((cell) => !PROBES[cell.operation].write),
      send,
    );
    await inParallel(
      CELLS.filter((cell) => PROBES[cell.operation].write),
      send,
    );
  }, 900_000); // minutes on a busy 2-core machine: the setup writes every fixture through the gateway

  afterAll(() => {
    const operations = Object.keys(WHO_MAY).length;
    console.log(
      `authorization matrix: ${tally.passed + tally.failed} cells (${ACTORS.length} roles x ${operations} operations x 1-4 region variants), ${tally.passed} passed, ${tally.failed} failed`,
    );
  });

  it.each(CELLS)('$title', (cell) => {
    const response = responses.get(cell.title);
    try {
      if (!response) throw new Error('no request was sent for this cell');
      if (response instanceof Error) throw response;
      const probe = PROBES[cell.operation].variants[cell.variant]!;
      const context = contextOf(cell);
      try {
        if (cell.expected === 'ok') {
          expect(response.errors).toBeUndefined();
          probe.ok(response.data ?? undefined, context);
        } else if (cell.expected === 'absent') {
          expect(response.errors).toBeUndefined();
          probe.absent!(response.data ?? undefined, context);
        } else {
          assertRefused(cell, response, base);
        }
      } catch (error) {
        throw new Error(
          `expected ${cell.expected}, got ${describeResponse(response)}\n${error instanceof Error ? error.message : String(error)}`,
        );
      }
      tally.passed += 1;
    } catch (error) {
      tally.failed += 1;
      throw error;
    }
  });
});
