import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { DraftReview, type DraftReviewProps } from './DraftReview';
import type { ImportSummary } from './import-draft.types';

/**
 * jsdom has no MessageChannel, which antd's scheduling asks for once a Select or DatePicker is
 * drawn: a port that delivers on the next macrotask is all it needs. (Local to this spec, as the
 * shared test setup belongs to the whole console.)
 */
class TimeoutPort {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  partner: TimeoutPort | null = null;
  postMessage(data: unknown): void {
    setTimeout(() => this.partner?.onmessage?.({ data }), 0);
  }
  close(): void {}
}
globalThis.MessageChannel ??= class {
  port1 = new TimeoutPort();
  port2 = new TimeoutPort();
  constructor() {
    this.port1.partner = this.port2;
    this.port2.partner = this.port1;
  }
} as unknown as typeof MessageChannel;

//            0         1
//            0123456789012345678901234
const SOURCE = '方案\n(一)建设项目库。(工信委牵头)\n(二)办好展会。';

const summary: ImportSummary = {
  id: 'imp-1',
  state: 'draft',
  rowVersion: 4,
  taskCount: 2,
  unresolved: ['工信委'],
  planId: null,
  draft: {
    title: '梧州市实施方案',
    docNumber: null,
    warnings: [],
    departments: {
      工信委: {
        written: '工信委',
        departmentId: null,
        method: 'unresolved',
        suggestions: [{ id: 'dep-gx', name: '市工业和信息化委', score: 0.8 }],
        remember: false,
      },
      市商务局: {
        written: '市商务局',
        departmentId: 'dep-sw',
        method: 'exact',
        suggestions: [],
        remember: false,
      },
    },
    tasks: [
      {
        number: '一',
        parentNumber: null,
        level: 1,
        title: '建设项目库',
        body: '',
        include: true,
        deadline: { phrase: '6月底前', date: null, recurrence: 'none' },
        lead: ['工信委'],
        support: [],
        warnings: ['The deadline "6月底前" could not be turned into a date.'],
        span: { start: 3, end: 19 },
      },
      {
        number: '二',
        parentNumber: null,
        level: 1,
        title: '办好展会',
        body: '',
        include: true,
        deadline: null,
        lead: ['市商务局'],
        support: [],
        warnings: [],
        span: { start: 20, end: 28 },
      },
    ],
  },
};

const departments = [
  { id: 'dep-gx', name: '市工业和信息化委' },
  { id: 'dep-sw', name: '市商务局' },
  { id: 'dep-kj', name: '市科技局' },
];

function renderReview(over: Partial<DraftReviewProps> = {}) {
  const onEdit = jest.fn<Promise<ImportSummary | null>, Parameters<DraftReviewProps['onEdit']>>(
    () => Promise.resolve(summary),
  );
  const onCommit = jest.fn();
  const onDiscard = jest.fn();
  render(
    <DraftReview
      summary={summary}
      fileName="方案.txt"
      sourceText={SOURCE}
      departments={departments}
      busy={false}
      tasksLink={<a href="/tasks?planId=plan-1">查看任务</a>}
      error={null}
      onEdit={onEdit}
      onCommit={onCommit}
      onDiscard={onDiscard}
      {...over}
    />,
  );
  return { onEdit, onCommit, onDiscard };
}

describe('DraftReview', () => {
  it('highlights each task in the source and marks the unresolved name with its suggestion', () => {
    renderReview();
    const source = screen.getByRole('region', { name: '原文' });
    const marks = source.querySelectorAll('mark');
    expect([...marks].map((mark) => [mark.dataset.tasks, mark.textContent])).toEqual([
      ['一', '(一)建设项目库。(工信委牵头)'],
      ['二', '(二)办好展会。'],
    ]);
    // The whole text is there, highlighted or not.
    expect(source.textContent).toBe(SOURCE);
    expect(screen.getByText('工信委 · 未对应（建议：市工业和信息化委）')).toBeTruthy();
    expect(screen.getByRole('button', { name: '提交计划' })).toHaveProperty('disabled', true);
  });

  it('shows each warning on its own task only', () => {
    renderReview();
    const one = screen.getByLabelText('任务 一');
    const two = screen.getByLabelText('任务 二');
    expect(within(one).getByText('完成时限“6月底前”未能换算为日期，请填写')).toBeTruthy();
    expect(within(one).getByText('尚未对应到部门：工信委')).toBeTruthy();
    expect(within(two).queryByRole('alert')).toBeNull();
    expect(two.textContent).not.toContain('未能换算');
  });

  it('maps the name to the chosen department and remembers it as an alias', async () => {
    const { onEdit } = renderReview();
    const combobox = screen.getByRole('combobox', { name: '为“工信委”选择部门' });
    // The best suggestion is chosen already; the office picks another from the directory.
    fireEvent.mouseDown(combobox);
    fireEvent.click(await screen.findByTitle('市科技局'));
    expect(screen.getByRole('checkbox', { name: '记住为别名' })).toHaveProperty('checked', true);
    // The edit's promise settles after the click: act waits for what it sets.
    await act(() => {
      fireEvent.click(screen.getByRole('button', { name: '确认“工信委”对应的部门' }));
      return Promise.resolve();
    });
    expect(onEdit).toHaveBeenCalledWith({
      rowVersion: 4,
      resolve: [{ written: '工信委', departmentId: 'dep-kj', remember: true }],
    });
  });

  it('drops a task with the draft rowVersion, and a click on a task draws its span strongest', async () => {
    const { onEdit } = renderReview();
    fireEvent.click(screen.getByText('办好展会'));
    const mark = screen
      .getByRole('region', { name: '原文' })
      .querySelector('mark[data-tasks="二"]');
    expect((mark as HTMLElement).style.background).toBe('rgb(255, 214, 102)');
    // The edit's promise settles after the click: act waits for what it sets.
    await act(() => {
      fireEvent.click(screen.getByRole('button', { name: '删除任务 二' }));
      return Promise.resolve();
    });
    expect(onEdit).toHaveBeenCalledWith({
      rowVersion: 4,
      tasks: [{ number: '二', include: false }],
    });
  });

  it('links a committed import to its tasks instead of offering edits', () => {
    renderReview({ summary: { ...summary, state: 'committed', planId: 'plan-1', unresolved: [] } });
    expect(screen.getByRole('link', { name: '查看任务' }).getAttribute('href')).toBe(
      '/tasks?planId=plan-1',
    );
    expect(screen.queryByRole('button', { name: '提交计划' })).toBeNull();
    expect(screen.queryByRole('button', { name: '添加任务' })).toBeNull();
  });

  it('discards the draft only once the office confirms', async () => {
    const { onDiscard } = renderReview();
    fireEvent.click(screen.getByRole('button', { name: '放弃导入' }));
    expect(onDiscard).not.toHaveBeenCalled();
    const confirm = await screen.findAllByRole('button', { name: '放弃导入' });
    fireEvent.click(confirm[confirm.length - 1]);
    expect(onDiscard).toHaveBeenCalledTimes(1);
  });

  it('commits when every name is mapped', () => {
    const { onCommit } = renderReview({ summary: { ...summary, unresolved: [] } });
    fireEvent.click(screen.getByRole('button', { name: '提交计划' }));
    expect(onCommit).toHaveBeenCalledTimes(1);
  });
});
