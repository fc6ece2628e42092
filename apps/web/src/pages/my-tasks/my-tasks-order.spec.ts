/** @jest-environment node */
import { orderMyTasks, type OrderedTask, urgencyOf } from './my-tasks-order';

const t = (
  id: string,
  deadline: string | null,
  light: OrderedTask['light'],
  status: OrderedTask['status'] = 'open',
): OrderedTask & { id: string } => ({ id, deadline, light, status });

describe('urgencyOf', () => {
  it("reads the board's light: red is overdue, yellow due soon, green or undated open", () => {
    expect(urgencyOf(t('a', '2026-06-14', 'red'))).toBe('overdue');
    expect(urgencyOf(t('a', '2026-06-15', 'yellow'))).toBe('dueSoon');
    expect(urgencyOf(t('a', '2026-06-30', 'green'))).toBe('open');
    expect(urgencyOf(t('a', null, 'green'))).toBe('open');
  });

  it('keeps a declared but late task overdue; a declared one on time waits; closed is closed', () => {
    expect(urgencyOf(t('a', '2026-06-01', 'red', 'completion_pending'))).toBe('overdue');
    expect(urgencyOf(t('a', '2026-06-16', 'yellow', 'completion_pending'))).toBe('waiting');
    expect(urgencyOf(t('a', '2026-07-01', 'green', 'completion_pending'))).toBe('waiting');
    expect(urgencyOf(t('a', '2026-06-01', null, 'completed'))).toBe('closed');
    expect(urgencyOf(t('a', '2026-06-01', null, 'cancelled'))).toBe('closed');
  });
});

describe('orderMyTasks', () => {
  it('puts overdue first, then due soon, then the rest by deadline, undated and closed last', () => {
    const tasks = [
      t('closed', '2026-01-01', null, 'completed'),
      t('later', '2026-12-31', 'green'),
      t('undated', null, 'green'),
      t('soon2', '2026-06-20', 'yellow'),
      t('late2', '2026-06-10', 'red'),
      t('waiting', '2026-09-01', 'green', 'completion_pending'),
      t('soon1', '2026-06-16', 'yellow'),
      t('late1', '2026-05-01', 'red'),
    ];
    expect(orderMyTasks(tasks).map((task) => task.id)).toEqual([
      'late1',
      'late2',
      'soon1',
      'soon2',
      'later',
      'undated',
      'waiting',
      'closed',
    ]);
    expect(tasks[0].id).toBe('closed'); // a copy: the input keeps its order
  });
});
