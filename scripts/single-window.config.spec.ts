import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, PLATFORM_VARIABLE_NAMES, SUBGRAPH_NAMES } from '../platform/config/config';
import { NO_SETTINGS } from '../platform/config/config-section';
import { SUBGRAPHS } from '../subgraphs/registry';
import { loadSingleWindowConfig, SINGLE_WINDOW_CONFIG } from './single-window.config';

const README = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The variables README's Configuration table names, `<SUBGRAPH>_X` spelled out for each subgraph. */
function documentedVariables(): Set<string> {
  const section = README.slice(README.indexOf('## Configuration'), README.indexOf('## Production shape'));
  const names = new Set<string>();
  for (const row of section.split('\n').filter((line) => line.startsWith('| `'))) {
    const firstCell = row.split('|')[1];
    for (const [, name] of firstCell.matchAll(/`([A-Z<>_]+)`/g)) {
      if (!name.includes('<SUBGRAPH>')) names.add(name);
      else for (const subgraph of SUBGRAPH_NAMES) names.add(name.replace('<SUBGRAPH>', subgraph.toUpperCase()));
    }
  }
  return names;
}

function problemsOf(source: Record<string, string>): string[] {
  try {
    loadSingleWindowConfig(source);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('the single window configuration (npm start)', () => {
  it("holds every department's own section as the subgraph registry declares it", () => {
    for (const name of SUBGRAPH_NAMES)
      expect([name, SINGLE_WINDOW_CONFIG[name]]).toEqual([name, SUBGRAPHS[name].config ?? NO_SETTINGS]);
  });

  it('runs on the documented defaults when nothing is set', () => {
    const { config, settings } = loadSingleWindowConfig({});
    expect(config.gateway).toMatchObject({ host: '127.0.0.1', port: 4000 });
    expect(settings.gateway).toMatchObject({
      supergraphFile: 'schema/supergraph.graphql',
      subgraphTimeoutMs: 10000,
      requestTimeoutMs: 30000,
      limits: { maxDepth: 12, maxAliases: 20, maxCost: 20000 },
      rateLimitPerMinute: 1200,
      anonymousRateLimitPerMinute: 60,
      audit: { retentionDays: 184, pruneIntervalMs: 3_600_000 },
    });
    expect(settings.licensing).toEqual({
      platforms: {
        investmentUrl: 'http://127.0.0.1:4101',
        tradingUrl: 'http://127.0.0.1:4102',
        timeoutMs: 5000,
        recheckIntervalMs: 30000,
      },
      overdueSweepIntervalMs: 600_000,
      certificateKeyDirectory: '.data/certificate-keys',
      seriousDishonestyRules: {
        ROAD_PASSENGER_TRANSPORT: 'REFUSE',
        ROAD_FREIGHT_TRANSPORT: 'REASON_REQUIRED',
        HAZARDOUS_GOODS_TRANSPORT: 'REFUSE',
        HIGHWAY_CONSTRUCTION: 'REFUSE',
        CROSS_PROVINCE_OVERSIZE_TRANSPORT: 'REASON_REQUIRED',
      },
    });
    expect(settings.enforcement).toEqual({
      decisionDays: 90,
      majorFineFen: 1_000_000,
      responseDays: 5,
      overload: { tolerancePercent: 5, joinWindowHours: 24 },
    });
  });

  it("lists the platform's, the gateway's and the departments' problems together", () => {
    const problems = problemsOf({
      LOG_LEVEL: 'loud',
      GATEWAY_MAX_DEPTH: '1',
      AUDIT_RETENTION_DAYS: '30',
      PLATFORM_TIMEOUT_MS: 'soon',
      CASE_RESPONSE_DAYS: '1',
      OVERLOAD_TOLERANCE_PERCENT: '99',
    });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'AUDIT_RETENTION_DAYS',
      'CASE_RESPONSE_DAYS',
      'GATEWAY_MAX_DEPTH',
      'LOG_LEVEL',
      'OVERLOAD_TOLERANCE_PERCENT',
      'PLATFORM_TIMEOUT_MS',
    ]);
    expect(problems).toContain(
      'AUDIT_RETENTION_DAYS: must be at least 184 days (six months, the legal minimum for network logs)',
    );
  });

  it('requires the real national platforms in production, and the production secrets', () => {
    const problems = problemsOf({ APP_ENV: 'production' });
    expect(problems).toEqual(
      expect.arrayContaining([
        'EVENTS_SECRET: must be set in production',
        'INVESTMENT_PLATFORM_URL: must name the real platform in production (the default is the local simulator)',
        'TRADING_PLATFORM_URL: must name the real platform in production (the default is the local simulator)',
      ]),
    );
  });

  it("documents in README's Configuration table exactly the variables the platform and the sections read", () => {
    const read = new Set([
      ...PLATFORM_VARIABLE_NAMES,
      ...Object.values(SINGLE_WINDOW_CONFIG).flatMap((section) => section.variableNames),
    ]);
    const documented = documentedVariables();
    expect([...read].filter((name) => !documented.has(name))).toEqual([]);
    expect([...documented].filter((name) => !read.has(name))).toEqual([]);
  });
});
