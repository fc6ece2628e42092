import type { ReminderKind } from '@duban/db';
import { html, type SafeHtml } from './html';
import { KIND_INFO, LEVEL_INFO } from './notice-kinds';

export type NoticeRole = 'lead' | 'support';

/** One reminder or notice as a mail shows it; every string is user text and is escaped in HTML. */
export interface NoticeItem {
  kind: ReminderKind;
  taskId: string;
  /** Heading path as the plan wrote it, e.g. 三.(一).2 */
  taskNumber: string;
  taskTitle: string;
  planTitle: string;
  role: NoticeRole;
  /** ISO date, or null for a task without a fixed deadline. */
  deadline: string | null;
  /** Working days from the mail's day to the deadline: positive left, 0 due today, negative overdue. */
  workingDaysLeft: number | null;
  /** The working days were counted on weekends only (the year's holidays are not published yet). */
  provisional: boolean;
  /** 督办〔2026〕17号 for the numbered notices. */
  noticeNumber: string | null;
}

export interface NoticeMailInput {
  departmentName: string;
  /** The Asia/Shanghai day the notices fired (ISO date). */
  day: string;
  /** Base URL of the office's web front end; task links hang below it. */
  baseUrl: string;
  items: readonly NoticeItem[];
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const ROLE_LABEL: Record<NoticeRole, string> = { lead: '牵头', support: '配合' };
const SUBJECT_TITLE_LENGTH = 40;
const SIGNATURE = '督查室';

/**
 * The mail for one department and day: a single notice, or a digest (two or more) split into
 * 「牵头任务」 and 「配合任务」. Pure: the same input renders the same mail.
 */
export function renderNoticeMail(input: NoticeMailInput): RenderedMail {
  if (input.items.length === 0) {
    throw new RangeError('A notice mail needs at least one notice');
  }
  const items = [...input.items].sort(byDeadlineThenNumber);
  return items.length === 1 ? renderSingle(input, items[0]) : renderDigest(input, items);
}

export function taskLink(baseUrl: string, taskId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/tasks/${encodeURIComponent(taskId)}`;
}

/** 剩余 3 个工作日 / 今日到期 / 已逾期 2 个工作日, marked when counted without the holiday calendar. */
export function timeLeftPhrase(item: Pick<NoticeItem, 'workingDaysLeft' | 'provisional'>): string {
  const days = item.workingDaysLeft;
  if (days === null) {
    return '无固定期限';
  }
  const phrase =
    days > 0 ? `剩余 ${days} 个工作日` : days === 0 ? '今日到期' : `已逾期 ${-days} 个工作日`;
  return item.provisional ? `${phrase}（按周末推算，当年节假日安排尚未公布）` : phrase;
}

/** 【橙色预警】督办〔2026〕17号 or 【到期前提醒】 */
function badgeText(item: NoticeItem): string {
  const info = KIND_INFO[item.kind];
  return item.noticeNumber ? `【${info.label}】${item.noticeNumber}` : `【${info.label}】`;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function renderSingle(input: NoticeMailInput, item: NoticeItem): RenderedMail {
  const info = KIND_INFO[item.kind];
  const subject = `${badgeText(item)} ${oneLine(item.taskTitle, SUBJECT_TITLE_LENGTH)}（${timeLeftPhrase(item)}）`;
  const intro = info.level
    ? `现向你单位发出${LEVEL_INFO[info.level].name}督办单，请抓紧办理并及时报送进展。`
    : `以下任务请你单位抓紧办理：`;
  const text = [
    `${input.departmentName}：`,
    '',
    intro,
    '',
    ...itemTextLines(input, item, ''),
    '',
    SIGNATURE,
    input.day,
    '',
  ].join('\n');
  const body = html`<p>${input.departmentName}：</p>
    <p>${intro}</p>
    ${itemHtml(input, item)}
    <p>${SIGNATURE}<br />${input.day}</p>`;
  return { subject, text, html: page(subject, body) };
}

function renderDigest(input: NoticeMailInput, items: readonly NoticeItem[]): RenderedMail {
  const lead = items.filter((item) => item.role === 'lead');
  const support = items.filter((item) => item.role === 'support');
  const notices = items.filter((item) => KIND_INFO[item.kind].level !== null).length;
  const counts = `共 ${items.length} 项（牵头 ${lead.length} 项、配合 ${support.length} 项${notices ? `，其中督办单 ${notices} 份` : ''}）`;
  const subject = `【督办汇总】${oneLine(input.departmentName, SUBJECT_TITLE_LENGTH)} ${input.day} 督办事项${counts}`;
  const sections: Array<{ heading: string; items: readonly NoticeItem[] }> = [
    { heading: '一、牵头任务', items: lead },
    { heading: '二、配合任务', items: support },
  ];
  const text = [
    `${input.departmentName}：`,
    '',
    `你单位今日督办事项${counts}，请逐项办理：`,
    ...sections.flatMap((section) => [
      '',
      section.heading,
      ...(section.items.length
        ? section.items.flatMap((item, i) => ['', ...itemTextLines(input, item, `${i + 1}. `)])
        : ['无']),
    ]),
    '',
    SIGNATURE,
    input.day,
    '',
  ].join('\n');
  const body = html`<p>${input.departmentName}：</p>
    <p>你单位今日督办事项${counts}，请逐项办理：</p>
    ${sections.map(
      (section) =>
        html`<h2 style="font-size:16px">${section.heading}</h2>
          ${section.items.length ? section.items.map((item) => itemHtml(input, item)) : html`<p>无</p>`}`,
    )}
    <p>${SIGNATURE}<br />${input.day}</p>`;
  return { subject, text, html: page(subject, body) };
}

function itemTextLines(input: NoticeMailInput, item: NoticeItem, marker: string): string[] {
  const indent = ' '.repeat(marker.length);
  const level = KIND_INFO[item.kind].level;
  return [
    `${marker}${badgeText(item)}${level ? `（${LEVEL_INFO[level].name}）` : ''}`,
    `${indent}任务：${item.taskNumber} ${oneLine(item.taskTitle, 500)}`,
    `${indent}所属方案：${oneLine(item.planTitle, 500)}`,
    `${indent}责任：${ROLE_LABEL[item.role]}`,
    `${indent}截止日期：${item.deadline ?? '无'}（${timeLeftPhrase(item)}）`,
    `${indent}办理链接：${taskLink(input.baseUrl, item.taskId)}`,
  ];
}

function itemHtml(input: NoticeMailInput, item: NoticeItem): SafeHtml {
  const level = KIND_INFO[item.kind].level;
  const colour = level ? LEVEL_INFO[level].colour : '#555555';
  const link = taskLink(input.baseUrl, item.taskId);
  return html`<table style="border-left:4px solid ${colour};margin:12px 0;padding-left:8px">
    <tr>
      <td colspan="2" style="color:${colour};font-weight:bold">
        ${badgeText(item)}${level ? `（${LEVEL_INFO[level].name}）` : ''}
      </td>
    </tr>
    <tr>
      <td>任务</td>
      <td>${item.taskNumber} ${item.taskTitle}</td>
    </tr>
    <tr>
      <td>所属方案</td>
      <td>${item.planTitle}</td>
    </tr>
    <tr>
      <td>责任</td>
      <td>${ROLE_LABEL[item.role]}</td>
    </tr>
    <tr>
      <td>截止日期</td>
      <td>${item.deadline ?? '无'}（${timeLeftPhrase(item)}）</td>
    </tr>
    <tr>
      <td>办理链接</td>
      <td><a href="${link}">${link}</a></td>
    </tr>
  </table>`;
}

function page(title: string, body: SafeHtml): string {
  return html`<!DOCTYPE html>
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <title>${title}</title>
      </head>
      <body style="font-family:sans-serif;font-size:14px;line-height:1.6">
        ${body}
      </body>
    </html> `.value;
}

function byDeadlineThenNumber(a: NoticeItem, b: NoticeItem): number {
  const da = a.deadline ?? '9999-12-31';
  const db = b.deadline ?? '9999-12-31';
  return da < db ? -1 : da > db ? 1 : a.taskNumber.localeCompare(b.taskNumber, 'zh-CN');
}
