import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import ExcelJS from 'exceljs';
import { ACTORS, chinaNow } from './authorization/matrix.dsl';
import { eventually, gatewayUrl, query, tokenFor } from './harness/single-window.client';
import { story } from './harness/story';

// Statistics exports (README, Statistics exports): GET /exports/statistics on the gateway, a CSV or XLSX
// file of an indicator query with the indicator's definition in its header rows.

interface Download {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  trailers: NodeJS.Dict<string>;
}

function download(
  parameters: Record<string, string>,
  token: string | null,
  path = '/exports/statistics',
): Promise<Download> {
  const url = new URL(path, gatewayUrl());
  for (const [key, value] of Object.entries(parameters)) url.searchParams.set(key, value);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { headers: token ? { authorization: `Bearer ${token}` } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
          trailers: response.trailers,
        }),
      );
      response.once('error', reject);
    });
    outgoing.once('error', reject);
    outgoing.end();
  });
}

function errorOf(answer: Download): { code: string; field?: string } {
  const parsed = JSON.parse(answer.body.toString('utf8')) as {
    errors: Array<{ extensions: { code: string; field?: string } }>;
  };
  return parsed.errors[0].extensions;
}

/** A CSV as rows of fields (the test's own small reader: quoted fields, doubled quotes, CRLF). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 1;
    } else field += character;
  }
  return rows;
}

const cell = (value: number | null) => (value === null ? '' : String(value));

const { month, year } = chinaNow();
const SERIES = { indicator: 'CASES_OPENED', regionCode: '320000', from: `${year - 1}-01`, to: month };

interface SeriesData {
  indicatorSeries: {
    points: Array<{
      period: string;
      value: number | null;
      previousPeriodValue: number | null;
      periodOnPeriodPercent: number | null;
      lastYearValue: number | null;
      yearOnYearPercent: number | null;
    }>;
  };
}

async function seriesOnScreen(token: string, regionCode = SERIES.regionCode): Promise<SeriesData> {
  return query<SeriesData>(
    token,
    `query ($region: String!, $from: String!, $to: String!) {
      indicatorSeries(indicator: CASES_OPENED, regionCode: $region, from: $from, to: $to) {
        points { period value previousPeriodValue periodOnPeriodPercent lastYearValue yearOnYearPercent }
      }
    }`,
    { region: regionCode, from: SERIES.from, to: SERIES.to },
  );
}

describe('statistics exports', () => {
  beforeAll(async () => {
    // A case opened in Kunshan this month, so the figures below are not all zero.
    const enterprise = await story(await tokenFor('ministry-admin')).enterprise('320583', '导出测试运输有限公司');
    await enterprise.withDecidedCases(1);
    const analyst = await tokenFor('ministry-analyst');
    await eventually(async () => {
      const data = await seriesOnScreen(analyst, '320583');
      expect(data.indicatorSeries.points.at(-1)?.value).toBeGreaterThan(0);
    });
  });

  it('writes a series as CSV with the definition in its header rows and the figures of the query', async () => {
    const token = await tokenFor('ministry-analyst');
    const answer = await download({ ...SERIES, format: 'csv' }, token);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(answer.headers['content-disposition']).toContain(`CASES_OPENED_320000_SERIES_${year - 1}-01_${month}.csv`);
    // A byte-order mark first, so Excel reads the Chinese as UTF-8.
    expect([...answer.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRows(answer.body.toString('utf8').slice(1));
    const header = new Map(
      rows
        .slice(
          0,
          rows.findIndex((row) => row.length === 1),
        )
        .map(([label, value]) => [label, value]),
    );
    expect(header.get('指标代码 Indicator code')).toBe('CASES_OPENED');
    expect(header.get('指标名称 Indicator')).toMatch(/立案.* .*[Cc]ases/);
    expect(header.get('计量单位 Unit')).toBe('件/个 count');
    expect(header.get('地区规则 Region rule')).toBeTruthy();
    expect(header.get('来源事件 Source events')).toContain('case.');
    expect(header.get('地区 Region')).toBe('320000 江苏省');
    expect(header.get('统计周期 Range')).toBe(`MONTH ${year - 1}-01 – ${month}`);
    expect(header.get('生成时间 Generated at')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(UTC\+08:00\)$/);
    expect(header.get('生成对象 Generated for')).toBe('ministry-analyst (000000)');
    const columnsAt = rows.findIndex((row) => row[0] === '周期 Period');
    const data = rows.slice(columnsAt + 1);
    const { indicatorSeries } = await seriesOnScreen(token);
    expect(data).toEqual(
      indicatorSeries.points.map((point) => [
        point.period,
        cell(point.value),
        cell(point.previousPeriodValue),
        cell(point.periodOnPeriodPercent),
        cell(point.lastYearValue),
        cell(point.yearOnYearPercent),
      ]),
    );
    // Progress: the rows announced before the first byte, the rows written in the trailer after the last.
    expect(answer.headers['x-export-rows-total']).toBe(String(data.length));
    expect(answer.trailers['x-export-rows-written']).toBe(String(data.length));
  });

  it('writes the same series as an XLSX workbook that reads back with the same header rows and figures', async () => {
    const token = await tokenFor('ministry-analyst');
    const answer = await download({ ...SERIES, format: 'xlsx' }, token);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const values = (rowNumber: number) => (sheet.getRow(rowNumber).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['指标代码 Indicator code', 'CASES_OPENED']);
    expect(values(3)[0]).toBe('计量单位 Unit');
    let columnsRow = 1;
    while (sheet.getRow(columnsRow).getCell(1).value !== '周期 Period') columnsRow += 1;
    const { indicatorSeries } = await seriesOnScreen(token);
    indicatorSeries.points.forEach((point, index) => {
      const row = sheet.getRow(columnsRow + 1 + index);
      expect(row.getCell(1).value).toBe(point.period);
      // Figures are numbers in the workbook, not texts.
      expect(row.getCell(2).value).toBe(point.value);
      expect(row.getCell(6).value ?? null).toBe(point.yearOnYearPercent);
    });
    expect(sheet.rowCount).toBe(columnsRow + indicatorSeries.points.length);
    expect(answer.trailers['x-export-rows-written']).toBe(String(indicatorSeries.points.length));
  });

  it('writes a breakdown by region with its total, and every count under a region as detail rows', async () => {
    const token = await tokenFor('ministry-analyst');
    const breakdown = await download({ ...SERIES, from: month, by: 'REGION' }, token);
    expect(breakdown.status).toBe(200);
    const rows = csvRows(breakdown.body.toString('utf8').slice(1));
    const data = rows.slice(rows.findIndex((row) => row[0] === '代码 Key') + 1);
    expect(data.map((row) => row[0])).toContain('320500');
    expect(data.at(-1)?.[0]).toBe('合计 Total');

    const detail = await download({ ...SERIES, regionCode: '320500', from: month, by: 'DETAIL' }, token);
    expect(detail.status).toBe(200);
    const detailRows = csvRows(detail.body.toString('utf8').slice(1));
    const counts = detailRows.slice(detailRows.findIndex((row) => row[0] === '计数指标 Counted indicator') + 1);
    expect(detail.headers['x-export-rows-total']).toBe(String(counts.length));
    expect(detail.trailers['x-export-rows-written']).toBe(String(counts.length));
    // Only regions under Suzhou, only this month; Kunshan's own row holds the figure the series shows.
    expect(counts.every((row) => row[1].startsWith('3205') && row[3] === month)).toBe(true);
    const kunshan = await seriesOnScreen(token, '320583');
    const kunshanRows = counts.filter((row) => row[0] === 'CASES_OPENED' && row[1] === '320583');
    expect(kunshanRows.reduce((sum, row) => sum + Number(row[5]), 0)).toBe(
      kunshan.indicatorSeries.points.at(-1)?.value,
    );
  });

  it('refuses bad input before any byte of a file, naming the parameter', async () => {
    const token = await tokenFor('ministry-analyst');
    const cases: Array<[Record<string, string>, string]> = [
      [{ ...SERIES, from: `${year}-13` }, 'from'],
      [{ ...SERIES, format: 'pdf' }, 'format'],
      [{ ...SERIES, indicator: 'NO_SUCH_INDICATOR' }, 'indicator'],
      [{ ...SERIES, regionCode: '999999' }, 'regionCode'],
      [{ ...SERIES, by: 'EVERYTHING' }, 'by'],
      [{ indicator: 'CASES_OPENED', regionCode: '320000', from: month }, 'to'],
    ];
    for (const [parameters, field] of cases) {
      const answer = await download(parameters, token);
      expect(answer.status).toBe(400);
      expect(errorOf(answer)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('refuses a caller without a token, or with a token that is not one', async () => {
    for (const token of [null, 'not-a-token']) {
      const answer = await download(SERIES, token);
      expect(answer.status).toBe(401);
      expect(errorOf(answer).code).toBe('UNAUTHENTICATED');
    }
  });

  it('keeps a provincial analyst to the province: outside it is refused, not emptied', async () => {
    const token = await tokenFor('js-statistics-analyst');
    expect((await download(SERIES, token)).status).toBe(200);
    expect((await download({ ...SERIES, by: 'DETAIL', from: month }, token)).status).toBe(200);
    for (const regionCode of ['330000', '000000']) {
      const answer = await download({ ...SERIES, regionCode }, token);
      expect(answer.status).toBe(403);
      expect(errorOf(answer).code).toBe('FORBIDDEN');
    }
  });

  // The authorization matrix covers GraphQL operations; the export is a download, so its row is here.
  // Columns as in the matrix: only statistics:read (statistics-analyst, admin) may export.
  it.each(ACTORS.map((actor) => [actor.role, actor.username, ['statistics-analyst', 'admin'].includes(actor.role)]))(
    'lets %s (%s) export: %s',
    async (_role, username, allowed) => {
      const answer = await download({ ...SERIES, regionCode: '320000' }, await tokenFor(username));
      if (allowed) expect(answer.status).toBe(200);
      else {
        expect(answer.status).toBe(403);
        expect(errorOf(answer).code).toBe('FORBIDDEN');
      }
    },
  );

  it("shows the caller their own export's progress by its request id, and nobody else's", async () => {
    const token = await tokenFor('ministry-analyst');
    const file = await download({ ...SERIES, by: 'DETAIL', from: month }, token);
    const requestId = String(file.headers['x-request-id']);
    const progress = await download({ requestId }, token, '/exports/statistics/progress');
    expect(progress.status).toBe(200);
    const total = Number(file.headers['x-export-rows-total']);
    expect(JSON.parse(progress.body.toString('utf8'))).toEqual({
      requestId,
      rowsTotal: total,
      rowsWritten: total,
      state: 'DONE',
    });
    const someoneElse = await download(
      { requestId },
      await tokenFor('js-statistics-analyst'),
      '/exports/statistics/progress',
    );
    expect(someoneElse.status).toBe(404);
    expect(errorOf(someoneElse).code).toBe('NOT_FOUND');
    const withoutId = await download({}, token, '/exports/statistics/progress');
    expect(errorOf(withoutId)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'requestId' });
  });

  it('leaves an audit record of every export: caller, indicator, region, rows written, or the refusal', async () => {
    const analyst = await tokenFor('ministry-analyst');
    const answer = await download({ ...SERIES, regionCode: '320100', format: 'xlsx' }, analyst);
    expect(answer.status).toBe(200);
    const requestId = answer.headers['x-request-id'];
    const refused = await download({ ...SERIES, regionCode: '330000' }, await tokenFor('js-statistics-analyst'));
    const refusedId = refused.headers['x-request-id'];
    const admin = await tokenFor('ministry-admin');
    await eventually(async () => {
      const data = await query<{
        auditRecords: {
          edges: Array<{
            node: {
              requestId: string;
              username: string;
              outcome: string;
              variables: string;
              entities: string;
              subgraphs: string;
              errorCodes: string;
              httpStatus: number;
            };
          }>;
        };
      }>(
        admin,
        `query { auditRecords(operationName: "StatisticsExport", first: 50) {
          edges { node { requestId username outcome variables entities subgraphs errorCodes httpStatus } } } }`,
      );
      const records = data.auditRecords.edges.map((edge) => edge.node);
      const written = records.find((record) => record.requestId === requestId);
      expect(written).toMatchObject({
        username: 'ministry-analyst',
        outcome: 'OK',
        subgraphs: 'statistics',
        httpStatus: 200,
        entities: 'CASES_OPENED 320100',
      });
      expect(JSON.parse(written!.variables)).toMatchObject({
        indicator: 'CASES_OPENED',
        regionCode: '320100',
        format: 'xlsx',
        rowsWritten: Number(answer.headers['x-export-rows-total']),
      });
      expect(records.find((record) => record.requestId === refusedId)).toMatchObject({
        username: 'js-statistics-analyst',
        outcome: 'REFUSED',
        errorCodes: 'FORBIDDEN',
        httpStatus: 403,
      });
    });
  });
});
