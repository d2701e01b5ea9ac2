import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { identityOf, scopeIn } from '../../../platform/testing/callers';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { IndicatorCount } from '../indicator/indicator-count.entity';
import { BreakdownOrder } from '../indicator/indicator-trend.types';
import { PeriodGranularity } from '../indicator/period';
import { statisticsSubgraph } from '../statistics.subgraph';
import { csvField, exportFileWriter, type ExportCell } from './export-file.writer';
import { IndicatorDetailReader } from './indicator-detail.reader';
import { ExportFormat, ExportRows, parseExportRequest, type ExportRequest } from './indicator-export.request';

const ANALYST = identityOf('js-statistics-analyst', '320000', 'statistics-analyst');

function request(overrides: Partial<ExportRequest> = {}): ExportRequest {
  return {
    indicator: 'PERMITS_ISSUED',
    regionCode: '320100',
    granularity: PeriodGranularity.MONTH,
    from: '2026-01',
    to: '2026-02',
    dimension: null,
    by: ExportRows.DETAIL,
    orderBy: BreakdownOrder.KEY,
    format: ExportFormat.CSV,
    ...overrides,
  };
}

async function collected(rows: AsyncIterable<readonly ExportCell[]> | Iterable<readonly ExportCell[]>) {
  const all: Array<readonly ExportCell[]> = [];
  for await (const row of rows) all.push(row);
  return all;
}

describe('statistics exports', () => {
  let database: TestbedOf<typeof statisticsSubgraph>;

  beforeAll(async () => {
    database = await openSubgraphTestbed(statisticsSubgraph);
    const counts: Array<[string, string, string, number]> = [
      ['320100', '2026-01', 'ROAD_FREIGHT', 4],
      ['320100', '2026-01', 'ROAD_FREIGHT/10', 1],
      ['320100', '2026-02', 'ROAD_PASSENGER', 2],
      ['320102', '2026-01', 'ROAD_FREIGHT', 3],
      ['320102', '2026-02', 'ROAD_FREIGHT', 1],
      ['320104', '2026-02', 'ROAD_FREIGHTS', 7],
      // Outside the region or the months asked for.
      ['320583', '2026-01', 'ROAD_FREIGHT', 9],
      ['320100', '2025-12', 'ROAD_FREIGHT', 9],
      ['320100', '2026-03', 'ROAD_FREIGHT', 9],
    ];
    await database.dataSource.getRepository(IndicatorCount).insert(
      counts.map(([regionCode, month, dimension, value]) => ({
        indicator: 'PERMITS_ISSUED',
        regionCode,
        month,
        dimension,
        value,
      })),
    );
  });
  afterAll(async () => {
    await database.close();
  });

  it('reads every count under a region in key order, page after page, each row once', async () => {
    const reader = new IndicatorDetailReader(database.dataSource);
    const selection = {
      indicators: ['PERMITS_ISSUED'],
      regionCode: '320100',
      firstMonth: '2026-01',
      lastMonth: '2026-02',
      dimension: null,
    };
    const pages = [];
    for await (const page of reader.pages(selection, 2)) pages.push(page);
    expect(pages.map((page) => page.length)).toEqual([2, 2, 2]);
    expect(pages.flat().map((row) => `${row.regionCode} ${row.month} ${row.dimension}`)).toEqual([
      '320100 2026-01 ROAD_FREIGHT',
      '320100 2026-01 ROAD_FREIGHT/10',
      '320100 2026-02 ROAD_PASSENGER',
      '320102 2026-01 ROAD_FREIGHT',
      '320102 2026-02 ROAD_FREIGHT',
      '320104 2026-02 ROAD_FREIGHTS',
    ]);
    expect(await reader.count(selection)).toBe(6);
    // A dimension takes the values under it, not a value that merely starts alike.
    const freight = { ...selection, dimension: 'ROAD_FREIGHT' };
    expect(await reader.count(freight)).toBe(4);
  });

  it('counts a detail export before writing it, and names the caller and range in its header rows', async () => {
    const prepared = await database.services.exports.prepare(scopeIn('320000'), ANALYST, request());
    expect(prepared.rowsTotal).toBe(6);
    expect((await collected(prepared.rows))[0]).toEqual([
      'PERMITS_ISSUED',
      '320100',
      '南京市',
      '2026-01',
      'ROAD_FREIGHT',
      4,
    ]);
    const header = new Map(prepared.layout.headerRows);
    expect(header.get('指标代码 Indicator code')).toBe('PERMITS_ISSUED');
    expect(header.get('维度 Dimension')).toBe('许可类别 Permit kind');
    expect(header.get('生成对象 Generated for')).toBe('js-statistics-analyst (320000)');
    expect(prepared.fileName).toBe('PERMITS_ISSUED_320100_DETAIL_2026-01_2026-02.csv');
  });

  it('refuses a region outside the scope and names the parameter at fault', async () => {
    const exports = database.services.exports;
    await expect(exports.prepare(scopeIn('320000'), ANALYST, request({ regionCode: '330000' }))).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
    });
    await expect(exports.prepare(scopeIn('320000'), ANALYST, request({ to: '2025-12' }))).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'to' },
    });
    let refusal: unknown;
    try {
      parseExportRequest(new URLSearchParams('indicator=X&regionCode=320000&from=a&to=b&sort=1'));
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'sort' } });
  });

  it('quotes CSV fields that need it and keeps a text from running as a formula', () => {
    expect(['a,b', 'say "hi"', '=SUM(A1)', '-3', 12, null, '南京市'].map(csvField)).toEqual([
      '"a,b"',
      '"say ""hi"""',
      "'=SUM(A1)",
      "'-3",
      '12',
      '',
      '南京市',
    ]);
  });

  it('writes an XLSX file row by row that reads back with its header rows, columns and numbers', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = exportFileWriter(ExportFormat.XLSX, out, {
      headerRows: [['指标代码 Indicator code', 'PERMITS_ISSUED']],
      columns: ['地区 Region', '数值 Value'],
    });
    for (let index = 0; index < 1_200; index += 1) await writer.row([`R${index}`, index]);
    await writer.finish();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(2).value).toBe('PERMITS_ISSUED');
    expect(sheet.getRow(3).getCell(1).value).toBe('地区 Region');
    expect(sheet.getRow(4 + 1_199).getCell(2).value).toBe(1_199);
    // The output is left open for the HTTP trailer.
    expect(out.writableEnded).toBe(false);
  });
});
