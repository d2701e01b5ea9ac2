import { printSubgraphSchema } from '@apollo/subgraph';
import {
  graphql,
  parse,
  print,
  type EnumTypeDefinitionNode,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
  type ScalarTypeDefinitionNode,
} from 'graphql';
import { RequestLoaders } from '../../platform/graphql/request-loaders';
import { applyEventOnce } from '../../platform/outbox/event-inbox';
import { statisticsEventHandlers } from './counting/event-counting.handlers';
import type { StatisticsContext } from './statistics.context';
import { openSubgraphTestbed, type TestbedOf } from '../../platform/testing/subgraph-testbed';
import { events, HANGZHOU_CARRIER, KUNSHAN_CARRIER, NANJING_CARRIER } from './statistics.fixture';
import { statisticsSubgraph } from './statistics.subgraph';
import { buildSchema } from './statistics.subgraph';
import { identityOf } from '../../platform/testing/callers';

describe('the statistics schema', () => {
  let schema: GraphQLSchema;
  let database: TestbedOf<typeof statisticsSubgraph>;

  beforeAll(async () => {
    schema = await buildSchema();
    database = await openSubgraphTestbed(statisticsSubgraph);
    const handlers = statisticsEventHandlers(database.services);
    for (const envelope of [
      events.permitIssued('320102', '2026-02-01T02:00:00.000Z', NANJING_CARRIER),
      events.permitIssued('320583', '2026-02-01T02:00:00.000Z', KUNSHAN_CARRIER),
      events.waybillCreated('330106', '2026-02-03T02:00:00.000Z', HANGZHOU_CARRIER),
    ]) {
      await applyEventOnce(database.dataSource, handlers, envelope);
    }
  });
  afterAll(async () => {
    await database.close();
  });

  const run = (
    source: string,
    roles: string[] | null = ['statistics-analyst'],
    variableValues?: Record<string, unknown>,
    region = '000000',
  ) => {
    const contextValue: StatisticsContext = {
      identity: roles && identityOf('spec-user', region, ...roles),
      purpose: null,
      services: database.services,
      loaders: new RequestLoaders(),
    };
    return graphql({ schema, source, contextValue, variableValues });
  };

  it('declares the contributed Enterprise field, the queries and their types, every part described', () => {
    const document = parse(printSubgraphSchema(schema));
    const definitions = new Map(
      document.definitions
        .filter(
          (definition): definition is ObjectTypeDefinitionNode | EnumTypeDefinitionNode | ScalarTypeDefinitionNode =>
            'name' in definition && definition.name !== undefined,
        )
        .map((definition) => [definition.name.value, definition]),
    );
    const fieldsOf = (typeName: string) => {
      const definition = definitions.get(typeName) as ObjectTypeDefinitionNode | undefined;
      return Object.fromEntries(
        (definition?.fields ?? []).map((field) => [
          field.name.value,
          {
            type: print(field.type),
            args: (field.arguments ?? []).map((argument) => `${argument.name.value}: ${print(argument.type)}`),
          },
        ]),
      );
    };

    const enterprise = definitions.get('Enterprise') as ObjectTypeDefinitionNode;
    expect(enterprise.directives?.map((directive) => print(directive))).toEqual(['@key(fields: "creditCode")']);
    expect(fieldsOf('Enterprise')).toEqual({
      creditCode: { type: 'String!', args: [] },
      activitySummary: { type: 'ActivitySummary', args: ['year: Int'] },
    });
    const range = [
      'indicator: Indicator!',
      'regionCode: String!',
      'granularity: PeriodGranularity!',
      'from: String!',
      'to: String!',
      'dimension: String',
    ];
    // Other parts of statistics add their own queries; these are the indicator readings.
    expect(fieldsOf('Query')).toMatchObject({
      indicators: { type: '[IndicatorDefinition!]!', args: ['department: String'] },
      indicatorSeries: { type: 'IndicatorTrend!', args: range },
      indicatorBreakdown: {
        type: 'IndicatorBreakdown!',
        args: [...range, 'by: BreakdownBy!', 'orderBy: BreakdownOrder!'],
      },
      regionIndicator: {
        type: 'IndicatorSeries!',
        args: ['indicator: Indicator!', 'regionCode: String!', 'fromMonth: String!', 'toMonth: String!'],
      },
      regionOverview: { type: 'RegionOverview!', args: ['regionCode: String!', 'year: Int!'] },
    });
    const counters = ['permitsIssued', 'casesOpened', 'casesDecided', 'finesFen', 'waybillsCreated'];
    expect(Object.keys(fieldsOf('ActivitySummary'))).toEqual(['creditCode', 'year', ...counters]);
    expect(fieldsOf('ActivitySummary').finesFen.type).toBe('SafeInt!');
    expect(fieldsOf('IndicatorSeries')).toEqual({
      indicator: { type: 'Indicator!', args: [] },
      regionCode: { type: 'String!', args: [] },
      regionName: { type: 'String!', args: [] },
      total: { type: 'SafeInt!', args: [] },
      points: { type: '[IndicatorPoint!]!', args: [] },
    });
    expect(fieldsOf('IndicatorPoint')).toEqual({
      month: { type: 'String!', args: [] },
      value: { type: 'SafeInt!', args: [] },
    });
    expect(Object.keys(fieldsOf('RegionTotals'))).toEqual(['regionCode', 'regionName', ...counters]);
    expect(Object.keys(fieldsOf('RegionOverview'))).toEqual([
      'regionCode',
      'regionName',
      ...counters,
      'year',
      'subRegions',
    ]);
    expect(fieldsOf('RegionOverview').subRegions.type).toBe('[RegionTotals!]!');
    const indicator = definitions.get('Indicator') as EnumTypeDefinitionNode;
    expect(indicator.values?.map((value) => value.name.value)).toEqual([
      'PERMITS_ISSUED',
      'CASES_OPENED',
      'CASES_DECIDED',
      'FINES_FEN',
      'DISCLOSURES_PUBLISHED',
      'DISCLOSURES_PUBLISHED_LATE',
      'DISCLOSURE_LATE_RATE',
      'DISCLOSURE_OVERDUE_CHANGES',
      'DISCLOSURES_OVERDUE',
      'CREDIT_LIST_ENTRIES',
      'CREDIT_LIST_REMOVALS',
      'CREDIT_LIST_CHANGES',
      'CREDIT_LISTED',
      'CREDIT_REPAIRS_DECIDED',
      'WAYBILLS_CREATED',
      'CROSS_PROVINCE_WAYBILLS',
      'SAFETY_ALERTS',
      'MONITORED_VEHICLE_DAYS',
      'ONLINE_VEHICLE_DAYS',
      'ONLINE_RATE',
      'HAZARDS_FOUND',
      'HAZARDS_CLOSED',
      'HAZARDS_CLOSED_LATE',
      'HAZARD_OPEN_CHANGES',
      'HAZARDS_OPEN',
      'HAZARD_OVERDUE_CHANGES',
      'HAZARDS_OVERDUE',
    ]);

    const undescribed: string[] = [];
    for (const [name, definition] of definitions) {
      if (name === 'Query') {
        // The root type itself needs no description; its fields do.
      } else if (!definition.description?.value) undescribed.push(name);
      const members = [
        ...('fields' in definition ? (definition.fields ?? []) : []),
        ...('values' in definition ? (definition.values ?? []) : []),
      ];
      for (const member of members) {
        if (!member.description?.value) undescribed.push(`${name}.${member.name.value}`);
        for (const argument of 'arguments' in member ? (member.arguments ?? []) : []) {
          if (!argument.description?.value) undescribed.push(`${name}.${member.name.value}(${argument.name.value})`);
        }
      }
    }
    expect(undescribed).toEqual([]);
  });

  it('answers the summaries of a list of enterprises with one statement', async () => {
    const representations = [NANJING_CARRIER, KUNSHAN_CARRIER, HANGZHOU_CARRIER].map((creditCode) => ({
      __typename: 'Enterprise',
      creditCode,
    }));
    const before = database.statements();
    const result = await run(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Enterprise { creditCode activitySummary(year: 2026) { year permitsIssued waybillsCreated } } } }`,
      ['statistics-analyst'],
      { representations },
    );
    expect(result.errors).toBeUndefined();
    expect(database.statements() - before).toBe(1);
    expect(result.data?._entities).toEqual([
      { creditCode: NANJING_CARRIER, activitySummary: { year: 2026, permitsIssued: 1, waybillsCreated: 0 } },
      { creditCode: KUNSHAN_CARRIER, activitySummary: { year: 2026, permitsIssued: 1, waybillsCreated: 0 } },
      { creditCode: HANGZHOU_CARRIER, activitySummary: { year: 2026, permitsIssued: 0, waybillsCreated: 1 } },
    ]);
  });

  it('serves a series and an overview to an analyst', async () => {
    const result = await run(`{
      regionIndicator(indicator: PERMITS_ISSUED, regionCode: "320000", fromMonth: "2026-01", toMonth: "2026-02") { regionName total points { month value } }
      regionOverview(regionCode: "000000", year: 2026) { permitsIssued waybillsCreated subRegions { regionCode regionName permitsIssued } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      regionIndicator: {
        regionName: '江苏省',
        total: 2,
        points: [
          { month: '2026-01', value: 0 },
          { month: '2026-02', value: 2 },
        ],
      },
      regionOverview: {
        permitsIssued: 2,
        waybillsCreated: 1,
        subRegions: [
          { regionCode: '320000', regionName: '江苏省', permitsIssued: 2 },
          { regionCode: '330000', regionName: '浙江省', permitsIssued: 0 },
        ],
      },
    });
  });

  it('refuses callers without statistics:read and names the bad argument', async () => {
    const unsigned = await run(`{ regionOverview(regionCode: "000000", year: 2026) { permitsIssued } }`, null);
    expect(unsigned.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const officer = await run(`{ regionOverview(regionCode: "000000", year: 2026) { permitsIssued } }`, [
      'licensing-officer',
    ]);
    expect(officer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const reference = await run(
      `{ _entities(representations: [{ __typename: "Enterprise", creditCode: "${NANJING_CARRIER}" }]) { ... on Enterprise { activitySummary { year } } } }`,
      ['licensing-officer'],
    );
    expect(reference.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const provincial = await run(
      `{ regionOverview(regionCode: "000000", year: 2026) { permitsIssued } }`,
      ['statistics-analyst'],
      undefined,
      '320000',
    );
    expect(provincial.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const badMonth = await run(
      `{ regionIndicator(indicator: CASES_OPENED, regionCode: "320000", fromMonth: "2026-02", toMonth: "2026-01") { total } }`,
    );
    expect(badMonth.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toMonth' });
  });
});
