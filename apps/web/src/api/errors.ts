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
