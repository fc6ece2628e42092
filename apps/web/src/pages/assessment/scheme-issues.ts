import type { SchemeForm } from './scheme-draft';

/** A field the api named in a refused what-if scheme, as the form's field and a Chinese sentence. */
export interface SchemeIssue {
  field: keyof SchemeForm | ['counts', keyof SchemeForm['counts']];
  message: string;
}

/** The scheme's paths (libs/scoring) to the form's fields; a penalty is its deduction field. */
const FIELDS: Record<string, SchemeIssue['field']> = {
  'points.base': 'base',
  'points.cap': 'cap',
  'points.floor': 'floor',
  'points.onTime.lead': 'onTimeLead',
  'points.onTime.support': 'onTimeSupport',
  'points.overdue.lead': 'overdueLeadDeduction',
  'points.overdue.support': 'overdueSupportDeduction',
  'points.lateReport': 'lateReportDeduction',
  'points.missedReport': 'missedReportDeduction',
  'points.quality.appliesTo': 'qualityAppliesTo',
  'points.quality.ratings.excellent': 'excellent',
  'points.quality.ratings.good': 'good',
  'points.quality.ratings.fair': 'fair',
  'points.quality.ratings.poor': 'poor',
  'weightedShare.weights': 'weightLead',
  'weightedShare.weights.lead': 'weightLead',
  'weightedShare.weights.support': 'weightSupport',
  'weightedShare.lateness.decayPerCalendarDay': 'decayPerCalendarDay',
  'weightedShare.lateness.creditFloor': 'creditFloor',
  'counts.onTime': ['counts', 'onTime'],
  'counts.overdue': ['counts', 'overdue'],
  'counts.lateReport': ['counts', 'lateReport'],
  'counts.missedReport': ['counts', 'missedReport'],
  'counts.quality': ['counts', 'quality'],
};

/** The scoring schema's messages (libs/scoring scheme.schema.ts) in Chinese. */
function sayInChinese(message: string): string {
  const bound = /^must be (≥|>|≤|<) (-?[\d.]+)/.exec(message);
  if (bound) {
    const words = { '≥': '不能小于', '>': '须大于', '≤': '不能大于', '<': '须小于' } as const;
    return `${words[bound[1] as keyof typeof words]} ${bound[2]}`;
  }
  const decimals = /^must have at most (\d+) decimal places/.exec(message);
  if (decimals) {
    return `最多 ${decimals[1]} 位小数`;
  }
  const between = /^must lie between floor \((-?[\d.]+)\) and cap \((-?[\d.]+)\)/.exec(message);
  if (between) {
    return `须在最低分 ${between[1]} 与最高分 ${between[2]} 之间`;
  }
  if (/at least one role weight must be > 0/.test(message)) {
    return '牵头与配合单位的权重不能都为 0';
  }
  if (/the weighted-share method scores completions only/.test(message)) {
    return '加权完成率法只计办结情况，此项须关闭';
  }
  return '不符合要求';
}

/**
 * The fields of a 422 what-if refusal ("…is invalid: points.cap: must be ≥ 0; …"), for the form
 * to show each beside its input. Paths the form has no field for are left out.
 */
export function schemeIssues(detail: string): SchemeIssue[] {
  const marker = 'is invalid: ';
  const at = detail.indexOf(marker);
  if (at < 0) {
    return [];
  }
  const issues: SchemeIssue[] = [];
  for (const part of detail.slice(at + marker.length).split('; ')) {
    const colon = part.indexOf(': ');
    const field = colon < 0 ? undefined : FIELDS[part.slice(0, colon)];
    if (field !== undefined) {
      issues.push({ field, message: sayInChinese(part.slice(colon + 2)) });
    }
  }
  return issues;
}
