/** @jest-environment node */
import { ApiError, describeError } from './errors';

function refusal(status: number, message: unknown, headers: Record<string, string> = {}): ApiError {
  return ApiError.from(new Response(null, { status, headers }), { message });
}

describe('describeError', () => {
  it('says a known refusal in Chinese, with the names it carries', () => {
    expect(describeError(refusal(409, 'Task 3.2 is already completed'))).toBe('任务 3.2 已办结');
    expect(describeError(refusal(409, 'User name fgw_li is taken'))).toBe('用户名“fgw_li”已被占用');
    expect(describeError(refusal(401, 'Wrong user name or password'))).toBe('用户名或密码不正确');
  });

  it('falls back to a sentence for the status when the detail is not a known one', () => {
    expect(describeError(refusal(403, 'This action is for admin users'))).toBe(
      '您的角色无权执行此操作',
    );
    expect(describeError(refusal(422, 'something new'))).toBe('无法办理：内容不符合要求');
    expect(describeError(refusal(400, ['deadline must be a date', 'title too long']))).toBe(
      '提交的内容有误，请检查后重试',
    );
    expect(describeError(refusal(503, 'down'))).toBe('服务器暂时无法处理，请稍后再试');
  });

  it('tells how long to wait when sign-ins are throttled', () => {
    expect(describeError(refusal(429, 'Too many', { 'retry-after': '600' }))).toBe(
      '尝试次数过多，请稍后再试（约 10 分钟后）',
    );
  });

  it('says the connection failed for anything that is not an api answer', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toBe(
      '无法连接服务器，请检查网络后重试',
    );
  });
});

describe('describeError: the directory and the mail log', () => {
  it('says password and address refusals in Chinese', () => {
    expect(
      describeError(
        refusal(400, [
          'Choose a password of at least 10 characters (a phrase is easiest to remember)',
        ]),
      ),
    ).toBe('密码至少需要 10 个字符（用一句话最容易记住）');
    expect(
      describeError(
        refusal(400, ['emails.0 must be a plain mail address like office@example.gov.cn']),
      ),
    ).toBe('邮箱地址格式不正确，例如 office@example.gov.cn');
    expect(
      describeError(
        refusal(422, 'departmentId is required for the department role and only for it'),
      ),
    ).toBe('责任单位用户必须选择所属部门，其他角色不选部门');
  });

  it('says a resend of a mail no longer failed in Chinese', () => {
    expect(
      describeError(refusal(409, 'Mail delivery 1 is pending; only a failed mail can be resent')),
    ).toBe('该邮件不是发送失败状态（可能已在重新发送中），无需重发');
  });
});
