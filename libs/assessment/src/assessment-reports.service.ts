import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  assessmentReportJobId,
  JOB_POLICY,
  JobName,
  type JobPayloads,
  QueueName,
} from '@duban/contracts';
import {
  ASSESSMENT_REPORT_FORMATS,
  type AssessmentReportFormat,
  type AssessmentReportState,
} from '@duban/db';
import { AssessmentNotFoundError, InvalidAssessmentRequestError } from './assessment.errors';
import { parseYear } from './scheme-source';
import { buildHtmlReport } from './reports/html-report';
import { loadReportData } from './reports/report-data.query';
import { buildXlsxReport } from './reports/xlsx-report';

export interface ReportView {
  readonly reportId: string;
  readonly runId: string;
  readonly year: number;
  readonly format: AssessmentReportFormat;
  readonly state: AssessmentReportState;
  readonly byteSize: number | null;
  readonly error: string | null;
  readonly requestedAt: string;
  readonly readyAt: string | null;
}

export interface ReportFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly content: Buffer;
}

export const REPORT_CONTENT_TYPES: Readonly<Record<AssessmentReportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
};

interface ReportRow {
  id: string;
  run_id: string;
  year: number;
  format: AssessmentReportFormat;
  state: AssessmentReportState;
  byte_size: number | null;
  error: string | null;
  requested_at: Date;
  ready_at: Date | null;
}

const REPORT_COLUMNS = 'id, run_id, year, format, state, byte_size, error, requested_at, ready_at';

export type ReportBuildOutcome = 'ready' | 'skipped' | 'superseded';

/**
 * Report files of the year's stored run: requested by the api (one per run and format), built by
 * the assessment worker, downloaded from PostgreSQL.
 */
@Injectable()
export class AssessmentReportsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QueueName.AssessmentReports)
    private readonly queue: Queue<JobPayloads[typeof JobName.BuildAssessmentReport]>,
  ) {}

  async requestReport(yearInput: string | number, formatInput: string): Promise<ReportView> {
    const year = parseYear(yearInput);
    const format = parseFormat(formatInput);
    const runs = await this.dataSource.query<{ run_id: string }[]>(
      `SELECT run_id FROM assessment_results WHERE year = $1 LIMIT 1`,
      [year],
    );
    const runId = runs[0]?.run_id;
    if (runId === undefined) {
      throw new AssessmentNotFoundError(`the ${year} assessment has not been run yet`);
    }
    const report = await this.dataSource.transaction(async (manager) => {
      // A failed build is asked for again as a new report (a new id, so a new job id).
      await manager.query(
        `DELETE FROM assessment_reports WHERE run_id = $1 AND format = $2 AND state = 'failed'`,
        [runId, format],
      );
      await manager.query(
        `INSERT INTO assessment_reports (run_id, year, format) VALUES ($1, $2, $3)
         ON CONFLICT (run_id, format) DO NOTHING`,
        [runId, year, format],
      );
      const rows = await manager.query<ReportRow[]>(
        `SELECT ${REPORT_COLUMNS} FROM assessment_reports WHERE run_id = $1 AND format = $2`,
        [runId, format],
      );
      const row = rows[0];
      if (row === undefined) {
        throw new Error('the report row vanished inside its transaction');
      }
      return row;
    });
    // Queued after the commit, so the worker finds the row; asking again re-adds a lost job
    // (same job id, so never twice).
    if (report.state === 'queued') {
      await this.queue.add(
        JobName.BuildAssessmentReport,
        { reportId: report.id },
        {
          jobId: assessmentReportJobId(report.id),
          attempts: JOB_POLICY.assessmentAttempts,
          backoff: JOB_POLICY.assessmentBackoff,
          removeOnComplete: JOB_POLICY.removeOnComplete,
          removeOnFail: JOB_POLICY.removeOnFail,
        },
      );
    }
    return toView(report);
  }

  async getReport(reportId: string): Promise<ReportView> {
    return toView(await this.findRow(reportId));
  }

  async download(reportId: string): Promise<ReportFile> {
    const row = await this.findRow(reportId);
    if (row.state !== 'ready') {
      throw new AssessmentNotFoundError(
        `report ${reportId} is ${row.state}, not ready to download`,
      );
    }
    const [content] = await this.dataSource.query<{ content: Buffer }[]>(
      `SELECT content FROM assessment_reports WHERE id = $1`,
      [reportId],
    );
    if (content === undefined) {
      throw new AssessmentNotFoundError(`no report ${reportId}`);
    }
    return {
      fileName: `assessment-${row.year}.${row.format}`,
      contentType: REPORT_CONTENT_TYPES[row.format],
      content: content.content,
    };
  }

  /** The worker's side: renders the file from the stored run and keeps its bytes. */
  async build(reportId: string): Promise<ReportBuildOutcome> {
    const rows = await this.dataSource.query<ReportRow[]>(
      `SELECT ${REPORT_COLUMNS} FROM assessment_reports WHERE id = $1`,
      [reportId],
    );
    const row = rows[0];
    if (row === undefined || row.state !== 'queued') {
      return 'skipped';
    }
    const data = await loadReportData(this.dataSource.manager, row.run_id);
    if (data === null) {
      await this.markFailed(
        reportId,
        'the run was replaced by a later run of the year; ask for the report again',
      );
      return 'superseded';
    }
    const content =
      row.format === 'xlsx'
        ? await buildXlsxReport(data)
        : Buffer.from(buildHtmlReport(data), 'utf8');
    await this.dataSource.query(
      `UPDATE assessment_reports SET state = 'ready', content = $2, byte_size = $3, ready_at = now()
       WHERE id = $1 AND state = 'queued'`,
      [reportId, content, content.length],
    );
    return 'ready';
  }

  async markFailed(reportId: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE assessment_reports SET state = 'failed', error = $2 WHERE id = $1 AND state = 'queued'`,
      [reportId, reason],
    );
  }

  private async findRow(reportId: string): Promise<ReportRow> {
    const rows = await this.dataSource.query<ReportRow[]>(
      `SELECT ${REPORT_COLUMNS} FROM assessment_reports WHERE id::text = $1`,
      [reportId],
    );
    const row = rows[0];
    if (row === undefined) {
      throw new AssessmentNotFoundError(`no report ${reportId}`);
    }
    return row;
  }
}

function parseFormat(value: string): AssessmentReportFormat {
  const format = ASSESSMENT_REPORT_FORMATS.find((candidate) => candidate === value);
  if (format === undefined) {
    throw new InvalidAssessmentRequestError(
      'format',
      `must be one of: ${ASSESSMENT_REPORT_FORMATS.join(', ')}`,
    );
  }
  return format;
}

function toView(row: ReportRow): ReportView {
  return {
    reportId: row.id,
    runId: row.run_id,
    year: row.year,
    format: row.format,
    state: row.state,
    byteSize: row.byte_size,
    error: row.error,
    requestedAt: row.requested_at.toISOString(),
    readyAt: row.ready_at?.toISOString() ?? null,
  };
}
