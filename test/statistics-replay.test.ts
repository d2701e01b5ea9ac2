import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { SubgraphName } from '../platform/config/config';
import { EVENT_SIGNATURE_HEADER, signEventBody } from '../platform/outbox/http-event.transport';
import { historyRequestTarget, signHistoryRequest, type HistoryPage } from '../platform/outbox/event-history';
import { loadSingleWindowConfig } from '../scripts/single-window.config';
import { readState } from './harness/harness-state';
import { PROJECT_ROOT } from './harness/service-processes';
import { eventually, serviceUrl, tokenFor } from './harness/single-window.client';
import { story } from './harness/story';
import { subgraphSql } from './harness/subgraph-database';

// Reproducible numbers (可复核): every count rebuilt from the departments' event histories
// (statistics:replay) equals the live one, and statistics:reconcile names any row that does not.

const run = promisify(execFile);
const DEPARTMENTS: readonly SubgraphName[] = ['licensing', 'enforcement', 'credit', 'safety'];

interface Reconciliation {
  total: number;
  differences: Array<{
    indicator: string;
    regionCode: string;
    month: string;
    dimension: string;
    live: number;
    rebuilt: number;
  }>;
}

/** Runs `npm run statistics:<command>` against the running single window: exit code, stdout and stderr. */
async function command(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['dist/scripts/statistics-replay.js', ...args], {
      cwd: PROJECT_ROOT,
      env: readState().environment,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function reconcile(...flags: string[]): Promise<{ code: number; reconciliation: Reconciliation }> {
  const { code, stdout, stderr } = await command('reconcile', '--json', ...flags);
  if (!stdout.trim()) throw new Error(`reconcile printed nothing (exit ${code}): ${stderr}`);
  return { code, reconciliation: JSON.parse(stdout) as Reconciliation };
}

/** Until every department has delivered what it published for statistics (the live counts are complete). */
async function deliveredToStatistics(): Promise<void> {
  await eventually(async () => {
    for (const department of DEPARTMENTS) {
      const [{ pending }] = await subgraphSql<{ pending: number | string }>(
        department,
        "SELECT COUNT(*) AS pending FROM outbox_message WHERE subscriber = 'statistics' AND delivered_at IS NULL",
      );
      expect([department, Number(pending)]).toEqual([department, 0]);
    }
  }, 30_000);
}

const secret = () => loadSingleWindowConfig(readState().environment).config.events.secret;

async function history(department: SubgraphName, headers: Record<string, string>, target: string) {
  return fetch(`${serviceUrl(department)}${target}`, { headers });
}

describe('statistics replay and reconcile', () => {
  beforeAll(async () => {
    // A story of its own on top of the demo data: permits, decided cases and waybills in Jiangsu.
    const carrier = await (
      await story(await tokenFor('ministry-admin')).enterprise('320583')
    ).withDecidedCases(2, 300_000);
    expect(carrier).toHaveLength(2);
    const hauler = await story(await tokenFor('ministry-admin')).enterprise('320102');
    await hauler.withWaybills(2, await hauler.hazardousGoodsCarrier());
    await deliveredToStatistics();
  }, 120_000);

  it('rebuilds from every department exactly the live counts: reconcile reports none', async () => {
    const replayed = await command('replay');
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toMatch(/replayed (\d+) events \((\d+) counted, 0 duplicates/);
    expect(Number(/replayed (\d+) events/.exec(replayed.stdout)![1])).toBeGreaterThan(10);
    const { code, reconciliation } = await reconcile('--no-replay');
    expect(reconciliation).toEqual({ total: 0, differences: [] });
    expect(code).toBe(0);
  });

  it('counts an envelope delivered twice once: a redelivery is acknowledged and the figures still reconcile', async () => {
    const [row] = await subgraphSql<{ envelope: string }>(
      'enforcement',
      "SELECT envelope FROM outbox_message WHERE subscriber = 'statistics' AND event_type = 'case.decided' ORDER BY id DESC LIMIT 1",
    );
    const redelivered = await fetch(`${serviceUrl('statistics')}/internal/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [EVENT_SIGNATURE_HEADER]: signEventBody(secret(), row.envelope) },
      body: row.envelope,
    });
    expect(await redelivered.json()).toEqual({ outcome: 'duplicate' });
    expect((await reconcile()).reconciliation.total).toBe(0);
  });

  it('reports a tampered live count row by row, and replay --apply puts the events’ figures back', async () => {
    const [row] = await subgraphSql<{
      indicator: string;
      region_code: string;
      month: string;
      dimension: string;
      value: number | string;
    }>(
      'statistics',
      "SELECT indicator, region_code, month, dimension, value FROM indicator_count WHERE indicator = 'CASES_DECIDED' AND region_code = '320000' ORDER BY month DESC LIMIT 1",
    );
    await subgraphSql(
      'statistics',
      'UPDATE indicator_count SET value = value + 40 WHERE indicator = ? AND region_code = ? AND month = ? AND dimension = ?',
      [row.indicator, row.region_code, row.month, row.dimension],
    );
    const { code, reconciliation } = await reconcile('--no-replay');
    expect(code).toBe(1);
    expect(reconciliation).toEqual({
      total: 1,
      differences: [
        {
          indicator: 'CASES_DECIDED',
          regionCode: '320000',
          month: row.month,
          dimension: row.dimension,
          live: Number(row.value) + 40,
          rebuilt: Number(row.value),
        },
      ],
    });
    const text = await command('reconcile', '--no-replay');
    expect(text.stdout).toContain(`不一致 1 rows differ`);
    expect(text.stdout).toContain(
      `CASES_DECIDED 320000 ${row.month} ${row.dimension || '-'}: ${Number(row.value) + 40} ${Number(row.value)}`,
    );
    expect((await command('replay', '--apply')).code).toBe(0);
    expect((await reconcile('--no-replay')).reconciliation.total).toBe(0);
  });

  it('serves a department’s history only to the events credential, signed and recent', async () => {
    const target = historyRequestTarget('statistics', 0, 5, Date.now());
    const signed = await history(
      'enforcement',
      { [EVENT_SIGNATURE_HEADER]: signHistoryRequest(secret(), target) },
      target,
    );
    expect(signed.status).toBe(200);
    const page = (await signed.json()) as HistoryPage;
    expect(page.events).toHaveLength(5);
    expect(page.events.map((event) => event.id)).toEqual(
      [...page.events.map((event) => event.id)].sort((a, b) => a - b),
    );
    expect(page.events.every((event) => event.envelope.source === 'enforcement')).toBe(true);
    expect(page.next).toBe(page.events[4].id);

    const refusals = [
      await history('enforcement', {}, target),
      await history('enforcement', { [EVENT_SIGNATURE_HEADER]: signHistoryRequest('not-the-secret', target) }, target),
      // Signed for another page: the signature covers the whole request line.
      await history(
        'enforcement',
        { [EVENT_SIGNATURE_HEADER]: signHistoryRequest(secret(), target) },
        target.replace('limit=5', 'limit=5000'),
      ),
    ];
    const stale = historyRequestTarget('statistics', 0, 5, Date.now() - 10 * 60_000);
    refusals.push(await history('licensing', { [EVENT_SIGNATURE_HEADER]: signHistoryRequest(secret(), stale) }, stale));
    expect(refusals.map((answer) => answer.status)).toEqual([401, 401, 401, 401]);
  });
});
