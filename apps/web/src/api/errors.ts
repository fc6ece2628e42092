/** What the api answered when it refused a call: its status and its own (English) message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`${status}: ${detail}`);
    this.name = 'ApiError';
  }

  static from(response: Response, body: unknown): ApiError {
    const message = (body as { message?: unknown } | null)?.message;
    const detail = Array.isArray(message)
      ? message.map(String).join('; ')
      : typeof message === 'string'
        ? message
        : response.statusText;
    const retryAfter = Number(response.headers.get('retry-after'));
    return new ApiError(
      response.status,
      detail,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
}

/** The api's recurring refusals, in the words an office clerk or a liaison would use. */
const KNOWN_DETAILS: ReadonlyArray<[RegExp, (match: RegExpExecArray) => string]> = [
  [/Wrong user name or password|user name or password/i, () => '用户名或密码不正确'],
  [/current password is wrong/i, () => '当前密码不正确'],
  [/session has ended|token has expired|Sign in first/i, () => '登录已失效，请重新登录'],
  [
    /changed since you read it|row ?version|stale|was changed by someone/i,
    () => '内容已被他人修改，请刷新后再提交',
  ],
  [/Task (\S+) is already completed/, (m) => `任务 ${m[1]} 已办结`],
  [/Task (\S+) has no completion waiting/, (m) => `任务 ${m[1]} 没有待审批的办结申请`],
  [/Task (\S+) has no deadline to extend/, (m) => `任务 ${m[1]} 没有完成时限，无需延期`],
  [
    /Extension request \S+ was already (\w+)/,
    (m) => `该延期申请已${m[1] === 'approved' ? '批准' : m[1] === 'rejected' ? '驳回' : '处理'}`,
  ],
  [/Only an assigned department can/i, () => '只有承办该任务的部门才能办理'],
  [/Only the lead department/i, () => '只有牵头单位才能申报办结或申请延期'],
  [/A department named (.+) already exists/, (m) => `已有名为“${m[1]}”的部门`],
  [/User name (.+) is taken/, (m) => `用户名“${m[1]}”已被占用`],
  [/cannot change your own role/i, () => '不能修改自己的角色，请另一位管理员操作'],
  [/cannot disable your own account/i, () => '不能停用自己的账号，请另一位管理员操作'],
  [/Import \S+ is (\w+): it can no longer be changed/, () => '该导入已提交或已放弃，不能再修改'],
  [/A task needs at least one lead department/i, () => '每项任务至少需要一个牵头单位'],
  [/The draft has no task numbered (\S+)/, (m) => `草稿中没有编号为 ${m[1]} 的任务`],
  [/larger than 5 MB|too large|Payload Too Large/i, () => '文件过大：计划文件不能超过 5 MB'],
  [/not a \.docx|only \.txt|Unsupported|file type/i, () => '只能导入 .txt 或 .docx 格式的计划文件'],
  [
    /Department \S+ does not exist|One of the departments does not exist/,
    () => '所选部门不存在，可能已被删除',
  ],
  [/Task \S+ does not exist|Task not found/, () => '任务不存在或已被删除'],
  [/Plan \S+ does not exist/, () => '计划不存在'],
  [/a department may read its own assessment only/i, () => '部门只能查看本部门的考核结果'],
  [/A department cannot be its own parent/i, () => '部门不能以自己为上级'],
  // 提醒与邮件
  [
    /is (pending|sending|sent); only a failed mail|cannot be resent/,
    () => '该邮件不是发送失败状态（可能已在重新发送中），无需重发',
  ],
  // 部门与用户
  [
    /departmentId is required for the department role/,
    () => '责任单位用户必须选择所属部门，其他角色不选部门',
  ],
  [/username must be 3–50/, () => '用户名须为 3–50 位字母、数字或 _ . -'],
  [
    /password of at least (\d+) characters/,
    (m) => `密码至少需要 ${m[1]} 个字符（用一句话最容易记住）`,
  ],
  [/password that is not only digits/, () => '密码不能全是数字'],
  [/password with more different characters/, () => '密码需要包含更多不同的字符'],
  [/not a sequence of letters, digits or keys/, () => '密码不能是连续的字母、数字或键位'],
  [/does not contain your user name or name/, () => '密码不能包含用户名或姓名'],
  [/less common password/, () => '这个密码太常见，请换一个'],
  [/must be a plain mail address/, () => '邮箱地址格式不正确，例如 office@example.gov.cn'],
  // 任务详情 (apps/web/src/pages/task): the workflow steps' refusals.
  [/Task (\S+) changed since version/, (m) => `任务 ${m[1]} 已被他人修改，请刷新后再提交`],
  [/Your department acknowledged task/, () => '本单位已签收该任务'],
  [
    /Task (\S+) is completion_pending: completion cannot be declared/,
    (m) => `任务 ${m[1]} 已申报办结，正在等待督查室审批，请刷新后查看`,
  ],
  [
    /Task (\S+) is (\w+): (no more progress|no extension|completion cannot|its deadline no longer moves)/,
    (m) => `任务 ${m[1]} 已${m[2] === 'cancelled' ? '撤销' : '办结'}，不能再办理`,
  ],
  [
    /The deadline of task (\S+) \((\S+)\) has passed/,
    (m) => `任务 ${m[1]} 已过完成时限（${m[2]}），延期须在时限届满前申请`,
  ],
  [
    /The new deadline must be after the current one \((\S+)\)/,
    (m) => `新的完成时限须晚于当前时限（${m[1]}）`,
  ],
  [/already has an extension request waiting/, () => '本单位已有一项延期申请在等待审批'],
  [
    /Cannot report for (\d{4})-(\d{2}) before that month begins/,
    (m) => `${m[1]}年${Number(m[2])}月尚未开始，不能报送该月进展`,
  ],
  [
    /Progress can be reported from (\d{4})-(\d{2})/,
    (m) => `进展只能从 ${m[1]}年${Number(m[2])}月（任务分配当月）起报送`,
  ],
  // 年度考核
  [
    /the (\d{4}) assessment is already being computed/,
    (m) => `${m[1]}年度考核正在计算中，请等计算完成后再试`,
  ],
  [
    /no assessment scheme \(考核方案\) for (\d{4})/,
    (m) => `${m[1]}年度还没有考核方案，无法运行考核`,
  ],
  [/the (\d{4}) assessment has not been run yet/, (m) => `${m[1]}年度尚未运行考核`],
  [/Assessment scheme \(考核方案\) .* is invalid/, () => '考核方案参数不符合要求，请检查后重试'],
  [/the report is still being built/, () => '报告仍在生成中，请稍后再下载'],
  [/the report could not be built/, () => '报告生成失败，请重新运行考核后再试'],
  // 计划导入 (ImportsPage, ImportDraftPage)
  [
    /is not a text document/,
    () => '文件不是纯文本（可能是图片或其他二进制文件），请上传 .txt 或 .docx 格式的计划文件',
  ],
  [
    /not encoded in UTF-8/,
    () => '文件编码不是 UTF-8（可能是 GBK），请另存为 UTF-8 编码的文本后重试',
  ],
  [/The document is empty/, () => '文件内容为空'],
  [/No numbered tasks were found/, () => '文件中没有找到带编号的任务条目，请确认这是一份实施方案'],
  [
    /is not a readable \.docx file/,
    () => '无法读取该 .docx 文件，请用 Word 重新保存后再试，或上传纯文本',
  ],
  [
    /reads as (\d+) tasks, more than the (\d+)/,
    (m) => `文件读出 ${m[1]} 项任务，超过上限 ${m[2]} 项`,
  ],
  [/already imported as plan "(.+?)"/, (m) => `该文件已导入为计划“${m[1]}”`],
  [
    /Map these names to departments before committing: (.+)$/,
    (m) => `以下名称尚未对应到部门：${m[1]}`,
  ],
  [
    /Task (\S+) has supporting departments but no lead/,
    (m) => `任务 ${m[1]} 有配合单位但没有牵头单位`,
  ],
  [/The draft already has a task numbered (\S+)/, (m) => `草稿中已有编号为 ${m[1]} 的任务`],
  [/Every item was dropped/, () => '所有条目都已删除：一个计划至少需要一项任务'],
  [
    /Import \S+ changed since version/,
    () => '导入草稿已被他人修改，页面已载入最新内容，请重新操作',
  ],
  // 任务台账 (ledger page and its export)
  [/role filters the tasks of one department/i, () => '按牵头或配合筛选前，请先选择责任单位'],
  [/cursor is not one this API gave out/i, () => '列表已变化，请刷新后重新加载'],
];

/** A generic sentence for each kind of refusal, when the detail is not one of the known ones. */
function byStatus(status: number): string {
  switch (status) {
    case 400:
      return '提交的内容有误，请检查后重试';
    case 401:
      return '登录已失效，请重新登录';
    case 403:
      return '您的角色无权执行此操作';
    case 404:
      return '要找的内容不存在或已被删除';
    case 408:
      return '请求超时，请重试';
    case 409:
      return '内容已被他人修改或状态已变化，请刷新后再试';
    case 413:
      return '提交的内容过大';
    case 422:
      return '无法办理：内容不符合要求';
    case 429:
      return '尝试次数过多，请稍后再试';
    default:
      return status >= 500 ? '服务器暂时无法处理，请稍后再试' : '操作未能完成';
  }
}

/**
 * A clear Chinese message for a failed call, to show on the page beside what the person typed
 * (which the page keeps). Unknown errors (the network gone) get a sentence of their own.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return '无法连接服务器，请检查网络后重试';
  }
  for (const [pattern, say] of KNOWN_DETAILS) {
    const match = pattern.exec(error.detail);
    if (match) {
      return say(match);
    }
  }
  const sentence = byStatus(error.status);
  if (error.status === 429 && error.retryAfterSeconds) {
    return `${sentence}（约 ${Math.ceil(error.retryAfterSeconds / 60)} 分钟后）`;
  }
  return sentence;
}
