import { renderNoticeMail, type NoticeItem, type NoticeMailInput } from './notice-mail';
import { noticeMessageId } from './message-id';
import { classifySmtpError } from './smtp-failure';
import { html } from './html';

const TASK_ID = '11111111-1111-4111-8111-111111111111';

function item(overrides: Partial<NoticeItem> = {}): NoticeItem {
  return {
    kind: 'notice_orange',
    taskId: TASK_ID,
    taskNumber: '三.(一).2',
    taskTitle: '推进工业园区提质增效',
    planTitle: '柳州市工业高质量发展实施方案',
    role: 'lead',
    deadline: '2026-11-16',
    workingDaysLeft: -3,
    provisional: false,
    noticeNumber: '督办〔2026〕17号',
    ...overrides,
  };
}

const input = (items: NoticeItem[]): NoticeMailInput => ({
  departmentName: '市发展改革委',
  day: '2026-11-19',
  baseUrl: 'https://duban.example.gov.cn/',
  items,
});

describe('renderNoticeMail', () => {
  it('renders one orange notice with its number, level, role, deadline, overdue days and link', () => {
    const sut = renderNoticeMail(input([item()]));
    expect(sut.subject).toBe(
      '【橙色预警】督办〔2026〕17号 推进工业园区提质增效（已逾期 3 个工作日）',
    );
    expect(sut.text).toContain('市发展改革委：');
    expect(sut.text).toContain('现向你单位发出橙色督办单');
    expect(sut.text).toContain('【橙色预警】督办〔2026〕17号（橙色）');
    expect(sut.text).toContain('任务：三.(一).2 推进工业园区提质增效');
    expect(sut.text).toContain('所属方案：柳州市工业高质量发展实施方案');
    expect(sut.text).toContain('责任：牵头');
    expect(sut.text).toContain('截止日期：2026-11-16（已逾期 3 个工作日）');
    expect(sut.text).toContain(`办理链接：https://duban.example.gov.cn/tasks/${TASK_ID}`);
    expect(sut.html).toContain(`<a href="https://duban.example.gov.cn/tasks/${TASK_ID}">`);
    expect(sut.html).toContain('督办〔2026〕17号');
  });

  it('says how many working days are left, or that the task is due today', () => {
    const left = renderNoticeMail(
      input([
        item({
          kind: 'pre_deadline',
          noticeNumber: null,
          workingDaysLeft: 3,
          deadline: '2026-11-24',
        }),
      ]),
    );
    expect(left.subject).toBe('【到期前提醒】 推进工业园区提质增效（剩余 3 个工作日）');
    expect(left.text).toContain('以下任务请你单位抓紧办理');
    const today = renderNoticeMail(
      input([item({ kind: 'due_day', noticeNumber: null, workingDaysLeft: 0 })]),
    );
    expect(today.text).toContain('（今日到期）');
    const provisional = renderNoticeMail(input([item({ workingDaysLeft: 5, provisional: true })]));
    expect(provisional.text).toContain('剩余 5 个工作日（按周末推算');
  });

  it('escapes every user text in HTML and keeps it verbatim in plain text', () => {
    const sut = renderNoticeMail(
      input([
        item({
          taskTitle: '<script>alert(1)</script> & "引号"',
          planTitle: '<b>方案</b>',
        }),
      ]),
    );
    expect(sut.html).not.toContain('<script>');
    expect(sut.html).not.toContain('<b>方案');
    expect(sut.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;引号&quot;');
    expect(sut.html).toContain('&lt;b&gt;方案&lt;/b&gt;');
    expect(sut.text).toContain('<script>alert(1)</script> & "引号"');
  });

  it('puts two or more notices in one digest split into 牵头任务 and 配合任务', () => {
    const sut = renderNoticeMail(
      input([
        item({
          taskNumber: '一.1',
          taskTitle: '甲',
          role: 'support',
          kind: 'pre_deadline',
          noticeNumber: null,
          workingDaysLeft: 3,
          deadline: '2026-11-24',
        }),
        item({ taskNumber: '一.2', taskTitle: '乙', role: 'lead' }),
        item({
          taskNumber: '一.3',
          taskTitle: '丙',
          role: 'lead',
          kind: 'notice_red',
          noticeNumber: '督办〔2026〕18号',
        }),
      ]),
    );
    expect(sut.subject).toBe(
      '【督办汇总】市发展改革委 2026-11-19 督办事项共 3 项（牵头 2 项、配合 1 项，其中督办单 2 份）',
    );
    const lead = sut.text.indexOf('一、牵头任务');
    const support = sut.text.indexOf('二、配合任务');
    expect(lead).toBeGreaterThan(0);
    expect(support).toBeGreaterThan(lead);
    expect(sut.text.slice(lead, support)).toContain('一.2 乙');
    expect(sut.text.slice(lead, support)).toContain(
      '【红色督办（限期办结）】督办〔2026〕18号（红色）',
    );
    expect(sut.text.slice(support)).toContain('一.1 甲');
    expect(sut.html).toContain('一、牵头任务');
    expect(sut.html).toContain('二、配合任务');
  });

  it('shows an empty section as 无', () => {
    const sut = renderNoticeMail(input([item({ taskNumber: '1' }), item({ taskNumber: '2' })]));
    expect(sut.text).toMatch(/二、配合任务\n无/);
  });

  it('refuses an empty mail', () => {
    expect(() => renderNoticeMail(input([]))).toThrow(RangeError);
  });
});

describe('html', () => {
  it('escapes values and nests templates without escaping them twice', () => {
    expect(html`<p>${'<a>'}${html`<i>${'&'}</i>`}${[1, '<']}</p>`.value).toBe(
      '<p>&lt;a&gt;<i>&amp;</i>1&lt;</p>',
    );
  });
});

describe('noticeMessageId', () => {
  it('depends on the set of reminders, not their order', () => {
    const a = noticeMessageId('d', '2026-11-19', ['r2', 'r1']);
    expect(a).toBe(noticeMessageId('d', '2026-11-19', ['r1', 'r2']));
    expect(a).toMatch(/^<notices\.2026-11-19\.d\.[0-9a-f]{16}@duban>$/);
    expect(noticeMessageId('d', '2026-11-19', ['r1'])).not.toBe(a);
  });
});

describe('classifySmtpError', () => {
  it('treats 5xx replies as permanent and keeps the reply', () => {
    expect(
      classifySmtpError(
        Object.assign(new Error("Can't send mail"), {
          code: 'EENVELOPE',
          responseCode: 550,
          response: '550 5.1.1 mailbox unavailable',
        }),
      ),
    ).toEqual({ permanent: true, reply: '550 5.1.1 mailbox unavailable (EENVELOPE)' });
  });

  it('treats 4xx replies and connection errors as transient', () => {
    expect(
      classifySmtpError(
        Object.assign(new Error('x'), {
          code: 'EENVELOPE',
          responseCode: 451,
          response: '451 try later',
        }),
      ).permanent,
    ).toBe(false);
    expect(
      classifySmtpError(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ESOCKET' }),
      ),
    ).toEqual({ permanent: false, reply: 'connect ECONNREFUSED 127.0.0.1:2525 (ESOCKET)' });
  });
});
