import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ExportFormat } from './indicator-export.request';

export type ExportCell = string | number | null;

/** What a file says before its rows: the indicator's definition and the request, one label and value a row. */
export interface ExportLayout {
  headerRows: ReadonlyArray<readonly [label: string, value: string]>;
  columns: readonly string[];
}

/** Writes one export file onto `out`, row by row, never holding more than a few pages of it. */
export interface ExportFileWriter {
  /** Resolves once the output can take more (back-pressure from the network). */
  row(cells: readonly ExportCell[]): Promise<void>;
  /** Finishes the file; `out` is left open (for HTTP trailers), everything written to it. */
  finish(): Promise<void>;
}

export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

// Rows gathered before a CSV chunk is written: fewer, larger writes.
const CSV_CHUNK_CHARACTERS = 64 * 1024;
// Rows between two looks at the back-pressure while writing XLSX.
const XLSX_ROWS_PER_DRAIN_CHECK = 100;
// Sheet XML waiting to be deflated before rows wait for it (a few pages' worth).
const XLSX_ZIP_BACKLOG_BYTES = 1024 * 1024;

/**
 * A CSV field: quoted when it holds a separator, quote or line break; a text that a spreadsheet would
 * take for a formula (=, +, -, @ first) is prefixed with ' so opening the file runs nothing (CSV injection).
 */
export function csvField(cell: ExportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Waits while the output's buffer is full; a closed output (the caller went away) waits no more. */
export function drained(out: Writable): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.once('drain', done);
    out.once('close', done);
  });
}

/** The stream a worksheet's rows go through to the zip: exceljs internals, checked before use. */
interface PipedSheet {
  stream?: { pipes?: Array<Writable & { _writableState?: { length?: number } }> };
}

/**
 * exceljs hands committed rows on to the zip without back-pressure (its StreamBuf ignores write()'s
 * answer), so rows written faster than they are deflated would pile up in memory. Past a backlog of
 * XLSX_ZIP_BACKLOG_BYTES this waits until the zip's input has drained; below it the rows go on, the
 * reads of the next page giving the deflate its time. Should a later exceljs change those internals,
 * it falls back to one turn of the event loop.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet): Promise<void> {
  const pipes = (sheet as unknown as PipedSheet).stream?.pipes;
  if (!pipes) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return;
  }
  for (const pipe of pipes) {
    if ((pipe._writableState?.length ?? 0) > XLSX_ZIP_BACKLOG_BYTES && !pipe.destroyed) await once(pipe, 'drain');
  }
}

/** UTF-8 with a byte-order mark, so Excel opens the Chinese text as UTF-8; CRLF line ends (RFC 4180). */
function csvWriter(out: Writable, layout: ExportLayout): ExportFileWriter {
  let pending = '\uFEFF';
  const line = (cells: readonly ExportCell[]) => {
    pending += `${cells.map(csvField).join(',')}\r\n`;
  };
  const flush = async () => {
    if (pending === '') return;
    out.write(pending, 'utf8');
    pending = '';
    await drained(out);
  };
  for (const [label, value] of layout.headerRows) line([label, value]);
  line([]);
  line(layout.columns);
  return {
    row: async (cells) => {
      line(cells);
      if (pending.length >= CSV_CHUNK_CHARACTERS) await flush();
    },
    finish: flush,
  };
}

/**
 * exceljs' streaming WorkbookWriter: each row is committed (turned into XML and zipped) as it comes, so
 * memory stays flat whatever the number of rows. It ends the stream it writes to; a PassThrough between
 * it and `out` keeps `out` open for the trailers.
 */
function xlsxWriter(out: Writable, layout: ExportLayout): ExportFileWriter {
  const zipped = new PassThrough();
  zipped.pipe(out, { end: false });
  const copied = once(zipped, 'end');
  // Should the caller go away, the rest of the file is let through to nowhere so the workbook can finish.
  out.once('close', () => zipped.resume());
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: zipped, useStyles: true, useSharedStrings: false });
  workbook.creator = '交通运输一网通办 Transport single window';
  const sheet = workbook.addWorksheet('数据 Data', {
    views: [{ state: 'frozen', ySplit: layout.headerRows.length + 2 }],
  });
  sheet.getColumn(1).width = 28;
  for (let column = 2; column <= Math.max(2, layout.columns.length); column += 1) sheet.getColumn(column).width = 18;
  for (const [label, value] of layout.headerRows) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.commit();
  }
  sheet.addRow([]).commit();
  const heading = sheet.addRow([...layout.columns]);
  heading.font = { bold: true };
  heading.commit();
  let rows = 0;
  return {
    row: async (cells) => {
      sheet.addRow([...cells]).commit();
      rows += 1;
      if (rows % XLSX_ROWS_PER_DRAIN_CHECK === 0) {
        await zipCaughtUp(sheet);
        await drained(out);
      }
    },
    finish: async () => {
      sheet.commit();
      await workbook.commit();
      await copied;
    },
  };
}

export function exportFileWriter(format: ExportFormat, out: Writable, layout: ExportLayout): ExportFileWriter {
  return format === ExportFormat.XLSX ? xlsxWriter(out, layout) : csvWriter(out, layout);
}
