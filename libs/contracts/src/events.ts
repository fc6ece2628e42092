/**
 * Domain events: the only facts that cross from one Duban service to another.
 * A type name is stored in the outbox and in queued jobs: never rename one; add a new type instead.
 * Payloads carry ids and the few values a consumer needs to decide; PostgreSQL holds the rest.
 */
export type AssignmentRole = 'lead' | 'support';

/** ISO calendar date (YYYY-MM-DD) in Asia/Shanghai. */
export type IsoDate = string;
/** ISO instant (Date.toISOString()). */
export type IsoInstant = string;

export interface EventPayloads {
  TaskAssigned: {
    taskId: string;
    departmentId: string;
    role: AssignmentRole;
    deadline: IsoDate | null;
  };
  TaskUnassigned: { taskId: string; departmentId: string; role: AssignmentRole };
  AssignmentAcknowledged: { taskId: string; departmentId: string; acknowledgedAt: IsoInstant };
  TaskDeadlineChanged: {
    taskId: string;
    previousDeadline: IsoDate | null;
    deadline: IsoDate | null;
    cause: 'edit' | 'extension';
  };
  ProgressReported: {
    taskId: string;
    departmentId: string;
    reportId: string;
    percent: number;
    period: string | null;
    late: boolean;
  };
  ReportMissed: { taskId: string; departmentId: string; period: string; dueDate: IsoDate };
  CompletionDeclared: { taskId: string; departmentId: string; completionId: string };
  TaskCompleted: {
    taskId: string;
    completionId: string;
    completedOn: IsoDate;
    rating: QualityRating;
  };
  TaskReopened: { taskId: string; completionId: string | null; reason: string };
  ExtensionRequested: {
    taskId: string;
    departmentId: string;
    requestId: string;
    requestedDeadline: IsoDate;
  };
  ExtensionApproved: {
    taskId: string;
    departmentId: string;
    requestId: string;
    previousDeadline: IsoDate | null;
    deadline: IsoDate;
  };
  ExtensionRejected: { taskId: string; departmentId: string; requestId: string };
  TaskOverdue: { taskId: string; deadline: IsoDate; detectedOn: IsoDate };
  PlanCommitted: { planId: string; taskCount: number };
}

export type EventType = keyof EventPayloads;

/** Quality rating given by the office when it approves a completion (优/良/中/差). */
export type QualityRating = 'excellent' | 'good' | 'fair' | 'poor';

export interface DomainEvent<T extends EventType = EventType> {
  /** Event id (uuid): the outbox row id, the BullMQ jobId and the consumers' dedupe key. */
  id: string;
  type: T;
  aggregateType: 'task' | 'plan' | 'department';
  aggregateId: string;
  occurredAt: IsoInstant;
  payload: EventPayloads[T];
}

/** An event before it has been given an id and a time by the outbox. */
export type NewEvent<T extends EventType = EventType> = {
  [K in T]: Omit<DomainEvent<K>, 'id' | 'occurredAt'>;
}[T];

export type AnyDomainEvent = { [K in EventType]: DomainEvent<K> }[EventType];
