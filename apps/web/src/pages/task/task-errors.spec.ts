/** @jest-environment node */
import { ApiError, describeError } from '../../api/errors';

/** The api's refusals of the task page's steps, as the page shows them. */
function say(status: number, message: string): string {
  return describeError(ApiError.from(new Response(null, { status }), { message }));
}

describe('the task page’s refusals in Chinese', () => {
  it('names the task and what changed when a step meets a moved-on task (409)', () => {
    expect(
      say(409, 'Task 三.(一).2 is completion_pending: completion cannot be declared now'),
    ).toBe('任务 三.(一).2 已申报办结，正在等待督查室审批，请刷新后查看');
    expect(say(409, 'Task 3.1 changed since version 2 (now 3): reload it and try again')).toBe(
      '任务 3.1 已被他人修改，请刷新后再提交',
    );
    expect(say(409, 'Task 3.1 is cancelled: no more progress reports')).toBe(
      '任务 3.1 已撤销，不能再办理',
    );
    expect(say(409, 'Task 3.1 is completed: no extension needed')).toBe(
      '任务 3.1 已办结，不能再办理',
    );
    expect(say(409, 'Your department acknowledged task 3.1 on 2026-03-01T00:00:00.000Z')).toBe(
      '本单位已签收该任务',
    );
    expect(say(409, 'Your department already has an extension request waiting for this task')).toBe(
      '本单位已有一项延期申请在等待审批',
    );
  });

  it('says what is wrong with an extension or a report the api cannot take (409, 422)', () => {
    expect(
      say(
        409,
        'The deadline of task 3.1 (2026-12-31) has passed: extensions are asked for before it',
      ),
    ).toBe('任务 3.1 已过完成时限（2026-12-31），延期须在时限届满前申请');
    expect(say(422, 'The new deadline must be after the current one (2026-12-31)')).toBe(
      '新的完成时限须晚于当前时限（2026-12-31）',
    );
    expect(say(422, 'Cannot report for 2027-01 before that month begins')).toBe(
      '2027年1月尚未开始，不能报送该月进展',
    );
    expect(
      say(
        422,
        'Progress can be reported from 2026-03, the month your department was assigned the task',
      ),
    ).toBe('进展只能从 2026年3月（任务分配当月）起报送');
  });

  it('says a supporting department’s extension is the lead’s to ask (403)', () => {
    expect(
      say(
        403,
        'Only the lead department asks for an extension; your department supports this task',
      ),
    ).toBe('只有牵头单位才能申报办结或申请延期');
  });
});
