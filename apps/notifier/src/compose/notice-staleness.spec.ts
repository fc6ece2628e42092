import { type FiredNoticeFacts, staleReason } from './notice-staleness';

const facts = (overrides: Partial<FiredNoticeFacts> = {}): FiredNoticeFacts => ({
  kind: 'notice_blue',
  taskStatus: 'open',
  role: 'lead',
  acknowledgedAt: null,
  deadline: '2026-11-19',
  day: '2026-11-19',
  ...overrides,
});

describe('staleReason', () => {
  it('keeps a notice for an open task the department still holds', () => {
    expect(staleReason(facts())).toBeNull();
    expect(staleReason(facts({ taskStatus: 'completion_pending' }))).toBeNull();
  });

  it('drops a reminder of a completed or cancelled task', () => {
    expect(staleReason(facts({ taskStatus: 'completed' }))).toBe('task is completed');
    expect(staleReason(facts({ taskStatus: 'cancelled' }))).toBe('task is cancelled');
  });

  it('drops a reminder of a department no longer assigned', () => {
    expect(staleReason(facts({ role: null }))).toBe('department no longer assigned to the task');
  });

  it('drops a notice whose deadline was extended past the day', () => {
    expect(staleReason(facts({ deadline: '2026-12-01' }))).toBe('deadline moved to 2026-12-01');
    expect(staleReason(facts({ kind: 'notice_red', deadline: '2026-11-01' }))).toBeNull();
  });

  it('drops an acknowledgement reminder once acknowledged', () => {
    expect(staleReason(facts({ kind: 'acknowledgement', acknowledgedAt: new Date() }))).toBe(
      'assignment already acknowledged',
    );
    expect(staleReason(facts({ kind: 'acknowledgement' }))).toBeNull();
  });
});
