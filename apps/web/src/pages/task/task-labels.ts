/** The Chinese words for the codes the task page shows (reminders, reports, decisions, the trail). */

export const REMINDER_KIND_LABELS: Record<string, string> = {
  acknowledgement: '签收提醒',
  pre_deadline: '到期前提醒',
  due_day: '到期日提醒',
  notice_blue: '蓝色提醒督办单',
  notice_orange: '橙色预警督办单',
  notice_red: '红色督办单',
  report_due: '进展报送提醒',
  report_missed: '进展漏报提醒',
};

export const REMINDER_STATE_LABELS: Record<string, string> = {
  scheduled: '待发送',
  cancelled: '已取消',
  fired: '已触发',
  sent: '已发送',
  failed: '发送失败',
};

export const REPORT_STATE_LABELS: Record<string, string> = {
  on_time: '按时',
  late: '逾期报送',
};

export const COMPLETION_STATE_LABELS: Record<string, string> = {
  pending: '待审批',
  approved: '已批准',
  returned: '已退办',
};

export const EXTENSION_STATE_LABELS: Record<string, string> = {
  pending: '待审批',
  approved: '已同意',
  rejected: '已驳回',
};

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'task.edit': '修改任务',
  'task.assignments': '调整责任单位',
  'assignment.acknowledge': '签收',
  'progress.report': '报送进展',
  'completion.declare': '申报办结',
  'completion.approve': '批准办结',
  'completion.return': '退办',
  'extension.request': '申请延期',
  'extension.approve': '同意延期',
  'extension.reject': '驳回延期',
  'plan.commit': '导入任务',
  'task.create': '创建任务',
  'task.assign': '分配责任单位',
};
