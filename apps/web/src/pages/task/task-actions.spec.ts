/** @jest-environment node */
import { allowedActions, type TaskState, type Viewer } from './task-actions';

const LEAD = 'dept-lead';
const SUPPORT = 'dept-support';
const TODAY = '2026-06-15';

function task(overrides: Partial<TaskState> = {}): TaskState {
  return {
    status: 'open',
    deadline: '2026-12-31',
    assignments: [
      { departmentId: LEAD, role: 'lead', acknowledgedAt: null },
      { departmentId: SUPPORT, role: 'support', acknowledgedAt: null },
    ],
    extensions: [],
    completions: [],
    ...overrides,
  };
}

const lead: Viewer = { role: 'department', departmentId: LEAD };
const support: Viewer = { role: 'department', departmentId: SUPPORT };
const office: Viewer = { role: 'supervisor', departmentId: null };
const admin: Viewer = { role: 'admin', departmentId: null };
const leader: Viewer = { role: 'leader', departmentId: null };

const acknowledged = (state: TaskState): TaskState => ({
  ...state,
  assignments: state.assignments.map((a) => ({ ...a, acknowledgedAt: '2026-03-01T00:00:00Z' })),
});

describe('allowedActions', () => {
  it('offers the lead department every step on a new open task', () => {
    expect(allowedActions(lead, task(), TODAY)).toEqual([
      'acknowledge',
      'reportProgress',
      'requestExtension',
      'declareCompletion',
    ]);
  });

  it('drops 签收 once the department has acknowledged', () => {
    expect(allowedActions(lead, acknowledged(task()), TODAY)).toEqual([
      'reportProgress',
      'requestExtension',
      'declareCompletion',
    ]);
  });

  it('lets a supporting department acknowledge and report, never extend or declare', () => {
    expect(allowedActions(support, task(), TODAY)).toEqual(['acknowledge', 'reportProgress']);
    expect(allowedActions(support, acknowledged(task()), TODAY)).toEqual(['reportProgress']);
  });

  it('gives a department not assigned to the task nothing', () => {
    expect(allowedActions({ role: 'department', departmentId: 'other' }, task(), TODAY)).toEqual(
      [],
    );
  });

  it('offers an extension up to and on the deadline day, not after it nor without a deadline', () => {
    const onDeadline = allowedActions(lead, acknowledged(task()), '2026-12-31');
    expect(onDeadline).toContain('requestExtension');
    const after = allowedActions(lead, acknowledged(task()), '2027-01-01');
    expect(after).toEqual(['reportProgress', 'declareCompletion']);
    expect(allowedActions(lead, acknowledged(task({ deadline: null })), TODAY)).toEqual([
      'reportProgress',
      'declareCompletion',
    ]);
  });

  it('offers no second extension while the department has one waiting', () => {
    const waiting = task({ extensions: [{ departmentId: LEAD, state: 'pending' }] });
    expect(allowedActions(lead, acknowledged(waiting), TODAY)).toEqual([
      'reportProgress',
      'declareCompletion',
    ]);
    const decided = task({ extensions: [{ departmentId: LEAD, state: 'rejected' }] });
    expect(allowedActions(lead, acknowledged(decided), TODAY)).toContain('requestExtension');
  });

  it('while completion waits: progress still, no second declaration', () => {
    const pending = acknowledged(
      task({ status: 'completion_pending', completions: [{ state: 'pending' }] }),
    );
    expect(allowedActions(lead, pending, TODAY)).toEqual(['reportProgress', 'requestExtension']);
  });

  it('closes every department step on a completed or cancelled task except a late 签收', () => {
    expect(allowedActions(lead, acknowledged(task({ status: 'completed' })), TODAY)).toEqual([]);
    expect(allowedActions(support, task({ status: 'cancelled' }), TODAY)).toEqual(['acknowledge']);
  });

  it('lets the office approve or return only a completion that waits for it', () => {
    const pending = task({ status: 'completion_pending', completions: [{ state: 'pending' }] });
    expect(allowedActions(office, pending, TODAY)).toEqual([
      'approveCompletion',
      'returnCompletion',
    ]);
    expect(allowedActions(admin, pending, TODAY)).toEqual([
      'approveCompletion',
      'returnCompletion',
    ]);
    expect(allowedActions(office, task(), TODAY)).toEqual([]);
    expect(
      allowedActions(
        office,
        task({ status: 'completed', completions: [{ state: 'approved' }] }),
        TODAY,
      ),
    ).toEqual([]);
  });

  it('lets the office decide a waiting extension', () => {
    const waiting = task({ extensions: [{ departmentId: LEAD, state: 'pending' }] });
    expect(allowedActions(office, waiting, TODAY)).toEqual(['decideExtension']);
    const done = task({ extensions: [{ departmentId: LEAD, state: 'approved' }] });
    expect(allowedActions(office, done, TODAY)).toEqual([]);
  });

  it('gives a leader no write control, whatever waits', () => {
    const busy = task({
      status: 'completion_pending',
      completions: [{ state: 'pending' }],
      extensions: [{ departmentId: LEAD, state: 'pending' }],
    });
    expect(allowedActions(leader, busy, TODAY)).toEqual([]);
    expect(allowedActions(leader, task(), TODAY)).toEqual([]);
  });
});
