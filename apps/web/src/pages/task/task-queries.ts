import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type TaskDetail = components['schemas']['TaskDetailDto'];
export type TaskHistoryEntry = components['schemas']['TaskHistoryEntryDto'];

/** One row of GET /reminders, as the task page lists them. */
export type TaskReminder = components['schemas']['ReminderDto'];

export const taskKey = (taskId: string) => ['task', taskId] as const;

export function useTaskDetail(taskId: string) {
  return useQuery({
    queryKey: [...taskKey(taskId), 'detail'],
    queryFn: () => unwrap(api.GET('/api/v1/tasks/{id}', { params: { path: { id: taskId } } })),
    retry: false,
  });
}

export function useTaskHistory(taskId: string) {
  return useQuery({
    queryKey: [...taskKey(taskId), 'history'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/tasks/{id}/history', { params: { path: { id: taskId } } })),
    retry: false,
  });
}

export function useTaskReminders(taskId: string) {
  return useQuery({
    queryKey: [...taskKey(taskId), 'reminders'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/reminders', { params: { query: { taskId, limit: 200 } } })),
    retry: false,
  });
}

/** After a workflow step: the detail, the trail and the reminders are read again. */
export function useRefreshTask(taskId: string): () => Promise<void> {
  const queries = useQueryClient();
  return useCallback(
    () => queries.invalidateQueries({ queryKey: taskKey(taskId) }),
    [queries, taskId],
  );
}
