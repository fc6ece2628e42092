import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource, type EntityManager } from 'typeorm';
import { shanghaiDateOf } from '@duban/calendar';
import { currentClock } from '@duban/clock';
import {
  assessmentRunJobId,
  JOB_POLICY,
  JobName,
  type JobPayloads,
  QueueName,
} from '@duban/contracts';
import { isIsoDate } from '@duban/calendar';
import type { AssessmentRunState } from '@duban/db';
import {
  AssessmentNotFoundError,
  AssessmentRunConflictError,
  InvalidAssessmentRequestError,
} from './assessment.errors';
import { ASSESSMENT_OPTIONS, type AssessmentOptions } from './assessment-options';
import { loadYearScheme, parseYear, type LoadedScheme } from './scheme-source';

export interface RunView {
  readonly runId: string;
  readonly year: number;
  readonly state: AssessmentRunState;
  readonly asOf: string;
  readonly schemeId: string;
  readonly requestedAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly assessedCount: number | null;
  readonly notAssessedCount: number | null;
  readonly deltaCount: number | null;
  readonly error: string | null;
}

interface RunRow {
  id: string;
  year: number;
  state: AssessmentRunState;
  as_of: string;
  scheme_id: string;
  requested_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  assessed_count: number | null;
  not_assessed_count: number | null;
  delta_count: number | null;
  error: string | null;
}

const RUN_COLUMNS = `id, year, state, as_of::text, scheme_id, requested_at, started_at, finished_at,
  assessed_count, not_assessed_count, delta_count, error`;

/** Stores a validated scheme version once (year + digest) and returns its id. */
export async function storeScheme(manager: EntityManager, loaded: LoadedScheme): Promise<string> {
  const [row] = await manager.query<{ id: string }[]>(
    `INSERT INTO assessment_schemes (year, method, definition, digest, source)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (year, digest) DO UPDATE SET source = EXCLUDED.source
     RETURNING id`,
    [
      loaded.scheme.year,
      loaded.scheme.method,
      JSON.stringify(loaded.scheme),
      loaded.digest,
      loaded.source,
    ],
  );
  if (row === undefined) {
    throw new Error('storing the assessment scheme returned no row');
  }
  return row.id;
}

/**
 * Accepting an annual run: the year's scheme is read and validated now (a missing or invalid file
 * is refused before anything is queued), the run row is the year's lock, the job carries its id.
 */
@Injectable()
export class AssessmentRunsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QueueName.AssessmentRuns)
    private readonly queue: Queue<JobPayloads[typeof JobName.RunAssessment]>,
    @Inject(ASSESSMENT_OPTIONS) private readonly options: AssessmentOptions,
  ) {}

  async requestRun(
    yearInput: string | number,
    request: { asOf?: string; requestedBy?: string | null } = {},
  ): Promise<RunView> {
    const year = parseYear(yearInput);
    const loaded = await loadYearScheme(this.options.schemeDir, year);
    const asOf = request.asOf ?? shanghaiDateOf(currentClock().now());
    if (!isIsoDate(asOf)) {
      throw new InvalidAssessmentRequestError('asOf', `'${asOf}' is not a date (YYYY-MM-DD)`);
    }
    if (Number(asOf.slice(0, 4)) < year) {
      throw new InvalidAssessmentRequestError('asOf', `${asOf} is before the year ${year} began`);
    }

    const outcome = await this.dataSource.transaction(async (manager) => {
      const schemeId = await storeScheme(manager, loaded);
      // The partial unique index on active runs of a year is the lock: a second request finds
      // the row and is refused, whichever process or api instance it reaches.
      const inserted = await manager.query<RunRow[]>(
        `INSERT INTO assessment_runs (year, scheme_id, as_of, requested_by)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT (year) WHERE state IN ('queued', 'running') DO NOTHING
         RETURNING ${RUN_COLUMNS}`,
        [year, schemeId, asOf, request.requestedBy ?? null],
      );
      const run = inserted[0];
      return run === undefined ? { conflict: true as const } : { conflict: false as const, run };
    });
    if (outcome.conflict) {
      throw await this.conflictFor(year);
    }
    // Queued after the commit, so the worker always finds the row. Should Redis refuse the job,
    // the run is failed at once rather than left holding the year.
    try {
      await this.enqueue(outcome.run.id);
    } catch (error: unknown) {
      await this.dataSource.query(
        `UPDATE assessment_runs SET state = 'failed', finished_at = now(), error = $2
         WHERE id = $1 AND state = 'queued'`,
        [
          outcome.run.id,
          `could not be queued: ${error instanceof Error ? error.message : String(error)}`,
        ],
      );
      throw error;
    }
    return toView(outcome.run);
  }

  async getRun(runId: string): Promise<RunView> {
    const rows = await this.dataSource.query<RunRow[]>(
      `SELECT ${RUN_COLUMNS} FROM assessment_runs WHERE id::text = $1`,
      [runId],
    );
    const row = rows[0];
    if (row === undefined) {
      throw new AssessmentNotFoundError(`no assessment run ${runId}`);
    }
    return toView(row);
  }

  /**
   * The active run of the year, re-queued if Redis lost its job (Redis mirrors PostgreSQL; the
   * run row is the truth), so a flushed Redis cannot keep a year locked for ever.
   */
  private async conflictFor(year: number): Promise<AssessmentRunConflictError> {
    const rows = await this.dataSource.query<{ id: string; state: AssessmentRunState }[]>(
      `SELECT id, state FROM assessment_runs WHERE year = $1 AND state IN ('queued', 'running')`,
      [year],
    );
    const active = rows[0];
    if (active === undefined) {
      return new AssessmentRunConflictError(year, 'just finished');
    }
    if ((await this.queue.getJob(assessmentRunJobId(active.id))) === undefined) {
      await this.enqueue(active.id);
    }
    return new AssessmentRunConflictError(year, active.id);
  }

  private async enqueue(runId: string): Promise<void> {
    await this.queue.add(
      JobName.RunAssessment,
      { runId },
      {
        jobId: assessmentRunJobId(runId),
        attempts: JOB_POLICY.assessmentAttempts,
        backoff: JOB_POLICY.assessmentBackoff,
        removeOnComplete: JOB_POLICY.removeOnComplete,
        removeOnFail: JOB_POLICY.removeOnFail,
      },
    );
  }
}

function toView(row: RunRow): RunView {
  return {
    runId: row.id,
    year: row.year,
    state: row.state,
    asOf: row.as_of,
    schemeId: row.scheme_id,
    requestedAt: row.requested_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    assessedCount: row.assessed_count,
    notAssessedCount: row.not_assessed_count,
    deltaCount: row.delta_count,
    error: row.error,
  };
}
