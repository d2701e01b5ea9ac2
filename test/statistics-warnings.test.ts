import { createHash } from 'node:crypto';
import { internalAgent } from '../platform/http/internal-tls';
import type { SubgraphName } from '../platform/config/config';
import { HttpEventTransport } from '../platform/outbox/http-event.transport';
import { envelopeOf } from '../platform/testing/event-envelopes';
import { subgraphSql } from './harness/subgraph-database';
import { loadSingleWindowConfig } from '../scripts/single-window.config';
import { readState } from './harness/harness-state';
import { eventually, graphql, query, requestSqlStatements, serviceUrl, tokenFor } from './harness/single-window.client';
import { story } from './harness/story';

// Early warning and forecasts (预警 / 预测) through the gateway: a senior analyst of Jiangsu sets a
// threshold, permits issued push a figure past it, and the warning shows with the figure, the threshold
// and the region, to Jiangsu and the ministry but not to Zhejiang; plain analysts cannot set thresholds.
// Wuxi (320200) and Xuzhou (320300) are used by no other test or demo record.

const SET = `mutation ($input: SetWarningThresholdInput!) {
  setWarningThreshold(input: $input) { threshold { id indicator regionCode regionName comparison threshold granularity reach enabled createdBy version } } }`;
const WARNINGS = `query ($region: String!, $period: String) {
  indicatorWarnings(regionCode: $region, period: $period) {
    thresholdId indicator definition { code name unit } regionCode regionName thresholdRegionCode granularity period
    comparison threshold figure baseFigure changePercent message messageEn } }`;
const FORECAST = `query ($indicator: Indicator!, $region: String!, $months: Int) {
  indicatorForecast(indicator: $indicator, regionCode: $region, months: $months) {
    definition { code } regionCode method methodDescription historyMonths historyFrom historyTo
    points { month value } backtestMonths meanAbsoluteError meanAbsolutePercentError } }`;

interface Warning {
  thresholdId: string;
  indicator: string;
  regionCode: string;
  regionName: string;
  thresholdRegionCode: string;
  period: string;
  comparison: string;
  threshold: number;
  figure: number;
  message: string;
}

/** YYYY-MM of a month `offset` months from the current one, China Standard Time. */
function chinaMonthFromNow(offset = 0): string {
  const china = new Date(Date.now() + 8 * 3600_000);
  const month = china.getUTCFullYear() * 12 + china.getUTCMonth() + offset;
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

async function warnings(username: string, region: string, period?: string): Promise<Warning[]> {
  const data = await query<{ indicatorWarnings: Warning[] }>(await tokenFor(username), WARNINGS, { region, period });
  return data.indicatorWarnings;
}

/** The same id for the same story, so a run against a kept database counts each event once. */
function stableUuid(name: string): string {
  const hex = createHash('sha256').update(`statistics-warnings:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

describe('early warning and forecasts (预警 / 预测)', () => {
  const month = chinaMonthFromNow();
  let thresholdId: string;

  it('lets only a statistics-warning-admin set thresholds, within their region, naming a bad field', async () => {
    const input = {
      indicator: 'PERMITS_ISSUED',
      regionCode: '320200',
      comparison: 'VALUE_ABOVE',
      threshold: 1,
    };
    for (const plain of ['ministry-analyst', 'zj-statistics-analyst']) {
      const refused = await graphql(SET, { input }, { token: await tokenFor(plain) });
      expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    const analyst = await tokenFor('js-warning-analyst');
    const elsewhere = await graphql(SET, { input: { ...input, regionCode: '330000' } }, { token: analyst });
    expect(elsewhere.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    const bad = await graphql(SET, { input: { ...input, threshold: -5 } }, { token: analyst });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'threshold' });

    const set = await query<{ setWarningThreshold: { threshold: Record<string, unknown> } }>(analyst, SET, { input });
    expect(set.setWarningThreshold.threshold).toMatchObject({
      indicator: 'PERMITS_ISSUED',
      regionCode: '320200',
      regionName: '无锡市',
      comparison: 'VALUE_ABOVE',
      threshold: 1,
      granularity: 'MONTH',
      reach: 'REGION_AND_BELOW',
      enabled: true,
      createdBy: 'js-warning-analyst',
    });
    thresholdId = set.setWarningThreshold.threshold.id as string;
    const listed = await query<{ warningThresholds: Array<{ id: string }> }>(
      await tokenFor('ministry-analyst'),
      `query { warningThresholds(regionCode: "320211") { id } }`,
    );
    expect(listed.warningThresholds.map((threshold) => threshold.id)).toContain(thresholdId);
  });

  it('warns when permits issued push the figure past the threshold, with the figure, threshold and region', async () => {
    const ours = (list: Warning[]) => list.filter((warning) => warning.thresholdId === thresholdId);
    expect(ours(await warnings('js-warning-analyst', '320200', month))).toEqual([]);

    const enterprise = await story(await tokenFor('ministry-admin')).enterprise('320211', '预警测试货运有限公司');
    await enterprise.withPermits(2);

    const raised = await eventually(async () => {
      const found = ours(await warnings('js-warning-analyst', '320200', month));
      expect(found.map((warning) => warning.regionCode)).toEqual(['320200', '320211']);
      return found;
    });
    expect(raised[0]).toMatchObject({
      indicator: 'PERMITS_ISSUED',
      regionName: '无锡市',
      thresholdRegionCode: '320200',
      period: month,
      comparison: 'VALUE_ABOVE',
      threshold: 1,
      figure: 2,
      message: `无锡市 ${month} 行政许可发证数 2，超过阈值 1`,
    });
    expect(raised[1]).toMatchObject({ regionName: '滨湖区', figure: 2 });
    // The ministry sees it too; Zhejiang's analyst sees neither the warning nor Jiangsu's figures.
    expect(ours(await warnings('ministry-analyst', '320200', month))).toHaveLength(2);
    expect(ours(await warnings('zj-statistics-analyst', '330000', month))).toEqual([]);
    const refused = await graphql(
      WARNINGS,
      { region: '320200', period: month },
      { token: await tokenFor('zj-statistics-analyst') },
    );
    expect(refused.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('evaluates a region and the regions under it in a few statements, whatever their number', async () => {
    const statements = async (region: string) => {
      const before = await requestSqlStatements();
      await warnings('ministry-analyst', region, month);
      return (await requestSqlStatements()) - before;
    };
    // The thresholds, then one read of the counts per granularity: the country's 34 regions as Wuxi's 8.
    expect(await statements('320200')).toBeLessThanOrEqual(4);
    expect(await statements('000000')).toBeLessThanOrEqual(4);
  });

  it('raises the demo threshold from the demo data: Jiangsu’s cases opened this month', async () => {
    const demo = (await warnings('ministry-analyst', '320000', month)).filter(
      (warning) => warning.indicator === 'CASES_OPENED' && warning.thresholdRegionCode === '320000',
    );
    expect(demo.map((warning) => warning.regionCode)).toContain('320000');
    expect(demo[0].figure).toBeGreaterThan(demo[0].threshold);
  });

  it('forecasts the next three months with the method and its backtest error beside it', async () => {
    // Months long past cannot be made through the gateway (every department dates its events now), so
    // 30 months of permits in Xuzhou's 泉山区 arrive as licensing's events would, and stay in its event
    // history like any it published: a fixed 12-month pattern.
    const pattern = [3, 1, 2, 4, 5, 3, 2, 6, 4, 3, 2, 5];
    const { config } = loadSingleWindowConfig(readState().environment);
    const transport = new HttpEventTransport(
      { statistics: serviceUrl('statistics') } as Record<SubgraphName, string>,
      config.events.secret,
      internalAgent(config.tls.internal),
    );
    const firstMonth = chinaMonthFromNow(-30);
    for (let index = 0; index < 30; index += 1) {
      const label = chinaMonthFromNow(index - 30);
      const issuedAt = `${label}-10T02:00:00.000Z`;
      for (let count = 0; count < pattern[index % 12]; count += 1) {
        const permitNumber = `XZ${label.replace('-', '')}${count}`;
        const envelope = envelopeOf(
          'permit.issued',
          {
            permitNumber,
            kind: 'ROAD_FREIGHT_TRANSPORT',
            creditCode: '91320102MA1MY0R10Q',
            regionCode: '320311',
            issuedAt,
            enterpriseName: '南京顺达货运有限公司',
            matter: '道路货物运输经营许可',
            legalBasis: '道路运输条例',
            validFrom: issuedAt.slice(0, 10),
            validUntil: '2030-12-31',
          },
          'licensing',
          stableUuid(permitNumber),
        );
        await transport.deliver('statistics', envelope);
        // Licensing's history holds them as delivered, so a replay rebuilds the same figures.
        const now = new Date().toISOString().replace('T', ' ').slice(0, 23);
        await subgraphSql(
          'licensing',
          `INSERT INTO outbox_message (event_id, event_type, subscriber, envelope, created_at, attempts, next_attempt_at, delivered_at)
           VALUES (?, 'permit.issued', 'statistics', ?, ?, 1, ?, ?)`,
          [envelope.id, JSON.stringify(envelope), now, now, now],
        );
      }
    }
    const data = await query<{ indicatorForecast: Record<string, unknown> }>(
      await tokenFor('js-warning-analyst'),
      FORECAST,
      { indicator: 'PERMITS_ISSUED', region: '320311', months: 3 },
    );
    expect(data.indicatorForecast).toMatchObject({
      regionCode: '320311',
      method: 'HOLT_WINTERS_ADDITIVE',
      historyMonths: 30,
      historyFrom: firstMonth,
      historyTo: chinaMonthFromNow(-1),
      backtestMonths: 6,
      // A pattern repeated exactly is forecast exactly, one step ahead as three.
      meanAbsoluteError: 0,
      meanAbsolutePercentError: 0,
      points: [0, 1, 2].map((step) => ({ month: chinaMonthFromNow(step), value: pattern[(30 + step) % 12] })),
    });
    expect(data.indicatorForecast.methodDescription).toContain('Holt-Winters');
    const elsewhere = await graphql(
      FORECAST,
      { indicator: 'PERMITS_ISSUED', region: '320311', months: 3 },
      { token: await tokenFor('zj-statistics-analyst') },
    );
    expect(elsewhere.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
