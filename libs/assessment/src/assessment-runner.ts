import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseScheme } from '@duban/scoring';
import { scoreAndReplaceYear, type WrittenCounts } from './run-results.writer';
import { loadYearFacts } from './year-facts.query';

export type RunOutcome =
  | {
      readonly status: 'succeeded';
      readonly counts: WrittenCounts;
      /** Reading the year's facts, then scoring and writing (one transaction), in seconds. */
      readonly seconds: { readonly load: number; readonly scoreAndWrite: number };
    }
  | { readonly status: 'skipped'; readonly reason: string };

/** The run row was not visible yet (its transaction had not committed): the job is retried. */
export class RunNotVisibleError extends Error {
  override readonly name = 'RunNotVisibleError';
}

interface ClaimedRun {
  id: string;
  year: number;
  as_of: string;
  definition: unknown;
  scheme_id: string;
}

/**
 * Computes one annual run: reads the year's facts, scores every department with the pure scorer,
 * ranks them, and replaces the year's stored results in one transaction.
 */
@Injectable()
export class AssessmentRunner {
  constructor(private readonly dataSource: DataSource) {}

  async execute(runId: string): Promise<RunOutcome> {
    const run = await this.claim(runId);
    if (run === null) {
      return { status: 'skipped', reason: 'run already finished' };
    }
    const scheme = parseScheme(run.definition, `stored scheme ${run.scheme_id}`);
    const started = performance.now();
    const facts = await loadYearFacts(this.dataSource, run.year);
    const loaded = performance.now();

    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.connect();
    try {
      await queryRunner.startTransaction();
      // Held to commit: a retried job of the same run waits here instead of writing beside it.
      const locked = (await queryRunner.query(
        `SELECT state FROM assessment_runs WHERE id = $1 FOR UPDATE`,
        [runId],
      )) as { state: string }[];
      if (locked[0]?.state !== 'running') {
        await queryRunner.rollbackTransaction();
        return { status: 'skipped', reason: `run is ${locked[0]?.state ?? 'gone'}` };
      }
      const counts = await scoreAndReplaceYear(queryRunner, {
        runId,
        year: run.year,
        asOf: run.as_of,
        scheme,
        facts,
      });
      await queryRunner.query(
        `UPDATE assessment_runs
         SET state = 'succeeded', finished_at = now(), assessed_count = $2,
             not_assessed_count = $3, delta_count = $4, error = NULL
         WHERE id = $1`,
        [runId, counts.assessed, counts.notAssessed, counts.deltas],
      );
      await queryRunner.commitTransaction();
      const seconds = {
        load: (loaded - started) / 1000,
        scoreAndWrite: (performance.now() - loaded) / 1000,
      };
      return { status: 'succeeded', counts, seconds };
    } catch (error: unknown) {
      if (queryRunner.isTransactionActive) {
        await queryRunner.rollbackTransaction();
      }
      throw error;
    } finally {
      await queryRunner.release();
    }
  }

  /** After the job's last attempt: the run is failed, with the reason, and the year is free again. */
  async markFailed(runId: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE assessment_runs SET state = 'failed', finished_at = now(), error = $2
       WHERE id = $1 AND state IN ('queued', 'running')`,
      [runId, reason],
    );
  }

  /**
   * Marks the run running and returns it with its scheme; null when it already finished. The job
   * is queued before the request commits, so the row may appear between two statements here.
   */
  private async claim(runId: string): Promise<ClaimedRun | null> {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      // An UPDATE answers [rows, count] through TypeORM.
      const [claimed] = await this.dataSource.query<[ClaimedRun[], number]>(
        `UPDATE assessment_runs r SET state = 'running', started_at = COALESCE(r.started_at, now())
         FROM assessment_schemes s
         WHERE r.id = $1 AND r.state IN ('queued', 'running') AND s.id = r.scheme_id
         RETURNING r.id, r.year, r.as_of::text, s.definition, r.scheme_id`,
        [runId],
      );
      if (claimed[0] !== undefined) {
        return claimed[0];
      }
      const rows = await this.dataSource.query<{ state: string }[]>(
        `SELECT state FROM assessment_runs WHERE id = $1`,
        [runId],
      );
      const state = rows[0]?.state;
      if (state === undefined) {
        throw new RunNotVisibleError(`assessment run ${runId} does not exist (yet)`);
      }
      if (state !== 'queued' && state !== 'running') {
        return null;
      }
    }
    throw new RunNotVisibleError(`assessment run ${runId} could not be claimed`);
  }
}
