import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { components } from '../../api/schema';
import type { AssessmentScheme } from './scheme-draft';

export type StoredRanking = components['schemas']['StoredRankingDto'];
export type RankingEntry = components['schemas']['RankingEntryDto'];
export type RunView = components['schemas']['RunViewDto'];
export type WhatIfResult = components['schemas']['WhatIfResultDto'];

/** How often a run's state is asked while it is queued or running. */
const RUN_POLL_MS = 1000;

export const assessmentKeys = {
  all: (year: number) => ['assessment', year] as const,
  ranking: (year: number) => ['assessment', year, 'ranking'] as const,
  scheme: (year: number) => ['assessment', year, 'scheme'] as const,
  breakdown: (year: number, departmentId: string) =>
    ['assessment', year, 'breakdown', departmentId] as const,
  run: (runId: string) => ['assessment-run', runId] as const,
};

const yearPath = (year: number) => ({ params: { path: { year: String(year) } } });

/** The stored ranking of the year; null when the year has not been run yet (404). */
export function useRanking(year: number) {
  return useQuery({
    queryKey: assessmentKeys.ranking(year),
    queryFn: async (): Promise<StoredRanking | null> => {
      try {
        return await unwrap(api.GET('/api/v1/assessments/{year}', yearPath(year)));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) {
          return null;
        }
        throw error;
      }
    },
  });
}

/** The year's scheme in force, the what-if form's starting values. */
export function useYearScheme(year: number, enabled: boolean) {
  return useQuery({
    queryKey: assessmentKeys.scheme(year),
    queryFn: () => unwrap(api.GET('/api/v1/assessments/{year}/scheme', yearPath(year))),
    enabled,
    retry: false,
  });
}

export function useBreakdown(year: number, departmentId: string | null) {
  return useQuery({
    queryKey: assessmentKeys.breakdown(year, departmentId ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/assessments/{year}/departments/{departmentId}', {
          params: { path: { year: String(year), departmentId: departmentId ?? '' } },
        }),
      ),
    enabled: departmentId !== null,
  });
}

const isActive = (run: RunView | undefined) => run?.state === 'queued' || run?.state === 'running';

/**
 * 运行考核: asks for a run, then follows it until it has finished; when it succeeds the year's
 * ranking and breakdowns are read again. The run belongs to the year it was started for.
 */
export function useAssessmentRun(year: number) {
  const queries = useQueryClient();
  const [started, setStarted] = useState<{ year: number; runId: string } | null>(null);
  const runId = started?.year === year ? started.runId : null;

  const start = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/v1/assessments/{year}/run', { ...yearPath(year), body: {} })),
    onSuccess: (run) => setStarted({ year: run.year, runId: run.runId }),
  });

  const run = useQuery({
    queryKey: assessmentKeys.run(runId ?? ''),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/assessments/runs/{runId}', {
          params: { path: { runId: runId ?? '' } },
        }),
      ),
    enabled: runId !== null,
    refetchInterval: (query) => (isActive(query.state.data) ? RUN_POLL_MS : false),
  });

  const finished = run.data?.state === 'succeeded' ? run.data.runId : null;
  useEffect(() => {
    if (finished !== null) {
      void queries.invalidateQueries({ queryKey: assessmentKeys.all(year) });
    }
  }, [finished, queries, year]);

  return {
    start: () => start.mutate(),
    starting: start.isPending,
    startError: start.error,
    run: runId === null ? undefined : run.data,
    running: start.isPending || (runId !== null && (run.isPending || isActive(run.data))),
  };
}

/** A what-if ranking under the edited scheme; nothing is saved. */
export function useWhatIf(year: number) {
  return useMutation({
    mutationFn: (scheme: AssessmentScheme) =>
      unwrap(api.POST('/api/v1/assessments/{year}/what-if', { ...yearPath(year), body: scheme })),
  });
}
