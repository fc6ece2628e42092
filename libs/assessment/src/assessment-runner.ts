import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidScoringInputError, parseScheme } from '@duban/scoring';
import {
  buildYearPartition,
  dropUnattachedPartitions,
  partitionName,
  swapYearPartition,
  YEAR_LOCK_KEY,
  type WriteSeconds,
  type WrittenCounts,
} from './run-results.writer';

export type RunOutcome =
  | {
      readonly status: 'succeeded';
      readonly counts: WrittenCounts;
      /** The run's stages, and the whole, in seconds. */
      readonly seconds: WriteSeconds & { readonly total: number };
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
 * Computes one annual run: scores every department from the year's facts (set-based, in
 * PostgreSQL, by the rules of `@duban/scoring`), ranks them, and replaces the year's stored results
 * and deltas in one transaction (see run-results.writer.ts).
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
    if (scheme.year !== run.year) {
      throw new InvalidScoringInputError(
        'scheme.year',
        `is ${scheme.year}, but the ${run.year} assessment was requested`,
      );
    }
    const started = performance.now();
    // The year's lock, held on a connection of its own until the run ends (or its process dies):
    // a retried job of the same run waits here instead of writing beside it.
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      await lock.query(`SELECT pg_advisory_lock(${YEAR_LOCK_KEY}, $1)`, [run.year]);
      const [current] = await this.dataSource.query<{ state: string }[]>(
        `SELECT state FROM assessment_runs WHERE id = $1`,
        [runId],
      );
      if (current?.state !== 'running') {
        return { status: 'skipped', reason: `run is ${current?.state ?? 'gone'}` };
      }
      await dropUnattachedPartitions(this.dataSource, run.year);
      try {
        return await this.computeAndSwap(run, scheme, started);
      } catch (error: unknown) {
        await this.dataSource
          .query(`DROP TABLE IF EXISTS ${partitionName(run.year, runId)}`)
          .catch(() => undefined);
        throw error;
      }
    } finally {
      await lock
        .query(`SELECT pg_advisory_unlock(${YEAR_LOCK_KEY}, $1)`, [run.year])
        .catch(() => undefined);
      await lock.release();
    }
  }

  private async computeAndSwap(
    run: ClaimedRun,
    scheme: ReturnType<typeof parseScheme>,
    started: number,
  ): Promise<RunOutcome> {
    const built = await buildYearPartition(this.dataSource, {
      runId: run.id,
      year: run.year,
      asOf: run.as_of,
      scheme,
    });
    const swapStarted = performance.now();
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.connect();
    try {
      await queryRunner.startTransaction();
      const locked = (await queryRunner.query(
        `SELECT state FROM assessment_runs WHERE id = $1 FOR UPDATE`,
        [run.id],
      )) as { state: string }[];
      if (locked[0]?.state !== 'running') {
        await queryRunner.rollbackTransaction();
        await this.dataSource.query(`DROP TABLE IF EXISTS ${built.partition}`);
        return { status: 'skipped', reason: `run is ${locked[0]?.state ?? 'gone'}` };
      }
      await swapYearPartition(queryRunner, run.id, built);
      const { counts } = built;
      await queryRunner.query(
        `UPDATE assessment_runs
         SET state = 'succeeded', finished_at = now(), assessed_count = $2,
             not_assessed_count = $3, delta_count = $4, error = NULL
         WHERE id = $1`,
        [run.id, counts.assessed, counts.notAssessed, counts.deltas],
      );
      await queryRunner.commitTransaction();
      const now = performance.now();
      return {
        status: 'succeeded',
        counts,
        seconds: {
          ...built.seconds,
          swap: (now - swapStarted) / 1000,
          total: (now - started) / 1000,
        },
      };
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
