import { api, download, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import { type ReportFormat, reportFileName } from './report-download';

/** A report is built by the assessment worker: asked for, then polled until it is ready. */
const POLL_MS = 800;
const GIVE_UP_MS = 60_000;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds (or reuses) the year's report in `format` and saves it under its Chinese name. The api
 * answers the stored run's report (one per run and format), so asking twice costs nothing.
 */
export async function downloadReport(
  year: number,
  format: ReportFormat,
  asOf: string,
): Promise<string> {
  let report = await unwrap(
    api.POST('/api/v1/assessments/{year}/reports', {
      params: { path: { year: String(year) } },
      body: { format },
    }),
  );
  const started = Date.now();
  while (report.state === 'queued') {
    if (Date.now() - started > GIVE_UP_MS) {
      throw new ApiError(408, 'the report is still being built');
    }
    await wait(POLL_MS);
    report = await unwrap(
      api.GET('/api/v1/assessments/reports/{reportId}', {
        params: { path: { reportId: report.reportId } },
      }),
    );
  }
  if (report.state === 'failed') {
    throw new ApiError(500, report.error ?? 'the report could not be built');
  }
  return download(
    `/api/v1/assessments/reports/${report.reportId}/file`,
    reportFileName(year, format, asOf),
    { serverName: false },
  );
}
