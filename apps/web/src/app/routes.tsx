import type { RouteObject } from 'react-router';
import type { Role } from '../auth/session';

/** A console page: its address, its menu entry (if any) and who may open it. */
export interface PageRoute {
  path: string;
  title: string;
  roles: readonly Role[];
  /** Shown in the side menu under this label; absent for pages reached by a link. */
  menu?: string;
  load: () => Promise<{ default: React.ComponentType }>;
}

const OFFICE: readonly Role[] = ['admin', 'supervisor'];
const OFFICE_AND_LEADER: readonly Role[] = ['admin', 'supervisor', 'leader'];
const EVERYONE: readonly Role[] = ['admin', 'supervisor', 'leader', 'department'];

/**
 * Every page, each in its own chunk (loaded when first opened), so sign-in and the board do
 * not carry the chart, editor and spreadsheet code of the other pages.
 */
export const PAGES: readonly PageRoute[] = [
  {
    path: '/board',
    title: '督办看板',
    menu: '督办看板',
    roles: OFFICE_AND_LEADER,
    load: () => import('../pages/board/BoardPage'),
  },
  {
    path: '/tasks',
    title: '任务台账',
    menu: '任务台账',
    roles: OFFICE_AND_LEADER,
    load: () => import('../pages/ledger/LedgerPage'),
  },
  {
    path: '/tasks/:taskId',
    title: '任务详情',
    roles: EVERYONE,
    load: () => import('../pages/task/TaskPage'),
  },
  {
    path: '/my-tasks',
    title: '我的任务',
    menu: '我的任务',
    roles: ['department'],
    load: () => import('../pages/my-tasks/MyTasksPage'),
  },
  {
    path: '/imports',
    title: '计划导入',
    menu: '计划导入',
    roles: OFFICE,
    load: () => import('../pages/imports/ImportsPage'),
  },
  {
    path: '/imports/:importId',
    title: '导入审核',
    roles: OFFICE,
    load: () => import('../pages/imports/ImportDraftPage'),
  },
  {
    path: '/approvals',
    title: '待审批',
    menu: '待审批',
    roles: OFFICE,
    load: () => import('../pages/approvals/ApprovalsPage'),
  },
  {
    path: '/reminders',
    title: '提醒与邮件',
    menu: '提醒与邮件',
    roles: OFFICE,
    load: () => import('../pages/reminders/RemindersPage'),
  },
  {
    path: '/directory',
    title: '部门与用户',
    menu: '部门与用户',
    roles: OFFICE,
    load: () => import('../pages/directory/DirectoryPage'),
  },
  {
    path: '/assessment',
    title: '年度考核',
    menu: '年度考核',
    roles: OFFICE_AND_LEADER,
    load: () => import('../pages/assessment/AssessmentPage'),
  },
];

/** Where a role lands after sign-in when no page was asked for. */
export function homeOf(role: Role): string {
  return role === 'department' ? '/my-tasks' : '/board';
}

export function toRouteObject(page: PageRoute): RouteObject {
  return {
    path: page.path,
    handle: { title: page.title, roles: page.roles },
    lazy: async () => ({ Component: (await page.load()).default }),
  };
}
