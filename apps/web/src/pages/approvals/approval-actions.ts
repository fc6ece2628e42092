import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type QualityRating = components['schemas']['ApproveCompletionDto']['rating'];

/** The queue's cache key: every tab's list starts with it, so one invalidation redraws them all. */
export const APPROVALS_KEY = 'approvals';

/** A decision on one queue item, as the api's task-workflow endpoints take it. */
export type Decision =
  | { kind: 'approve-completion'; taskId: string; rating: QualityRating }
  | { kind: 'return-completion'; taskId: string; reason: string }
  | { kind: 'approve-extension'; requestId: string }
  | { kind: 'reject-extension'; requestId: string };

function send(decision: Decision): Promise<unknown> {
  switch (decision.kind) {
    case 'approve-completion':
      return unwrap(
        api.POST('/api/v1/tasks/{id}/completion/approve', {
          params: { path: { id: decision.taskId } },
          body: { rating: decision.rating },
        }),
      );
    case 'return-completion':
      return unwrap(
        api.POST('/api/v1/tasks/{id}/completion/return', {
          params: { path: { id: decision.taskId } },
          body: { reason: decision.reason },
        }),
      );
    case 'approve-extension':
      return unwrap(
        api.POST('/api/v1/extensions/{id}/approve', {
          params: { path: { id: decision.requestId } },
          body: {},
        }),
      );
    case 'reject-extension':
      return unwrap(
        api.POST('/api/v1/extensions/{id}/reject', {
          params: { path: { id: decision.requestId } },
          body: {},
        }),
      );
  }
}

/**
 * Sends a decision; afterwards (decided, or refused because someone else decided first) the
 * queue is read again, since either way the list on screen is out of date.
 */
export function useDecision() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: () => queries.invalidateQueries({ queryKey: [APPROVALS_KEY] }),
  });
}
