/** @jest-environment node */
import { orderMyTasks, type OrderedTask, urgencyOf } from './my-tasks-order';

const TODAY = '2026-06-15';
const t = (id: string, deadline: string | null, status: OrderedTask['status'] = 'open') => ({
  id,
  deadline,
  status,
});

describe('urgencyOf', () => {
  it('calls an open task past its deadline overdue, and one due within 14 days due soon', () => {
    expect(urgencyOf(t('a', '2026-06-14'), TODAY)).toBe('overdue');
    expect(urgencyOf(t('a', '2026-06-15'), TODAY)).toBe('dueSoon');
    expect(urgencyOf(t('a', '2026-06-29'), TODAY)).toBe('dueSoon');
    expect(urgencyOf(t('a', '2026-06-30'), TODAY)).toBe('open');
    expect(urgencyOf(t('a', null), TODAY)).toBe('open');
  });

  it('keeps a declared but late task overdue; a declared one on time waits; closed is closed', () => {
    expect(urgencyOf(t('a', '2026-06-01', 'completion_pending'), TODAY)).toBe('overdue');
    expect(urgencyOf(t('a', '2026-07-01', 'completion_pending'), TODAY)).toBe('waiting');
    expect(urgencyOf(t('a', '2026-06-01', 'completed'), TODAY)).toBe('closed');
    expect(urgencyOf(t('a', '2026-06-01', 'cancelled'), TODAY)).toBe('closed');
  });
});

describe('orderMyTasks', () => {
  it('puts overdue first, then due soon, then the rest by deadline, undated and closed last', () => {
    const tasks = [
      t('closed', '2026-01-01', 'completed'),
      t('later', '2026-12-31'),
      t('undated', null),
      t('soon2', '2026-06-20'),
      t('late2', '2026-06-10'),
      t('waiting', '2026-09-01', 'completion_pending'),
      t('soon1', '2026-06-16'),
      t('late1', '2026-05-01'),
    ];
    expect(orderMyTasks(tasks, TODAY).map((task) => task.id)).toEqual([
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
