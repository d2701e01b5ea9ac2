import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { Permission, requirePermission } from '../../../platform/auth/permission.policy';
import { regionScopeOf } from '../../../platform/auth/region-scope';
import { DomainError, invalidInput, notFound } from '../../../platform/errors/domain-error';
import { headerValue, sendJson } from '../../../platform/http/http-server';
import type { SubgraphRoute } from '../../../platform/subgraph-server';
import { EXPORT_CONTENT_TYPES, exportFileWriter } from './export-file.writer';
import type { ExportProgress } from './export-progress';
import { parseExportRequest } from './indicator-export.request';
import type { IndicatorExportService } from './indicator-export.service';

/** Sent before the first byte: how many data rows the file will have (a client's progress bar). */
export const EXPORT_ROWS_TOTAL_HEADER = 'x-export-rows-total';
/** An HTTP trailer after the last byte: the data rows written. Absent when the export broke off. */
export const EXPORT_ROWS_WRITTEN_TRAILER = 'x-export-rows-written';

const STATUS_OF_CODE: Readonly<Record<string, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SERVICE_UNAVAILABLE: 503,
};

function refuse(response: ServerResponse, error: DomainError): void {
  const code = String(error.extensions.code);
  sendJson(response, STATUS_OF_CODE[code] ?? 500, {
    errors: [{ message: error.message, extensions: error.extensions }],
  });
}

/** `attachment` with an ASCII name for old clients and the exact one (RFC 6266 filename*). */
function attachment(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * GET /exports/statistics?indicator=…&regionCode=…&from=…&to=…[&granularity][&by][&dimension][&orderBy][&format]:
 * an indicator query as CSV or XLSX, streamed. Refusals before the first byte are JSON errors like
 * GraphQL's (code, field); the number of rows is a header, the number written a trailer, and while it
 * runs the caller can read its progress by the request id (exportProgressRoute).
 */
export const indicatorExportRoute =
  (exportService: IndicatorExportService, progress: ExportProgress): SubgraphRoute =>
  async (request, response, caller) => {
    let prepared;
    let format;
    let identity;
    try {
      identity = requirePermission(caller.identity, Permission.STATISTICS_READ);
      const exportRequest = parseExportRequest(new URL(request.url ?? '/', 'http://localhost').searchParams);
      format = exportRequest.format;
      prepared = await exportService.prepare(regionScopeOf(identity), identity, exportRequest);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refuse(response, error);
      return;
    }
    const followed = progress.start(
      headerValue(request, 'x-request-id') ?? randomUUID(),
      identity.subject,
      prepared.rowsTotal,
    );
    response.writeHead(200, {
      'content-type': EXPORT_CONTENT_TYPES[format],
      'content-disposition': attachment(prepared.fileName),
      'cache-control': 'no-store',
      [EXPORT_ROWS_TOTAL_HEADER]: String(prepared.rowsTotal),
      trailer: EXPORT_ROWS_WRITTEN_TRAILER,
    });
    const writer = exportFileWriter(format, response, prepared.layout);
    try {
      for await (const row of prepared.rows) {
        if (response.destroyed) break;
        await writer.row(row);
        followed.rowsWritten += 1;
      }
      await writer.finish();
    } catch (error) {
      // A file cut short must not look complete: the connection is dropped, no trailer is sent.
      progress.end(followed, 'BROKEN');
      response.destroy();
      throw error;
    }
    progress.end(followed, response.destroyed ? 'BROKEN' : 'DONE');
    if (response.destroyed) return;
    response.addTrailers({ [EXPORT_ROWS_WRITTEN_TRAILER]: String(followed.rowsWritten) });
    response.end();
  };

/** GET /exports/statistics/progress?requestId=…: how far the caller's own export has got (ExportProgressView). */
export const exportProgressRoute =
  (progress: ExportProgress): SubgraphRoute =>
  async (request, response, caller) => {
    try {
      const identity = requirePermission(caller.identity, Permission.STATISTICS_READ);
      const requestId = new URL(request.url ?? '/', 'http://localhost').searchParams.get('requestId');
      if (!requestId) throw invalidInput('requestId', 'is required: the x-request-id of the export');
      const view = progress.read(requestId, identity.subject);
      if (!view) throw notFound('Export', requestId);
      sendJson(response, 200, view);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refuse(response, error);
    }
    return Promise.resolve();
  };
