import { schemeIssues } from './scheme-issues';

describe('schemeIssues', () => {
  it("puts each field the api named on the form's field, in Chinese", () => {
    const detail =
      'Assessment scheme (考核方案) what-if scheme is invalid: points.cap: must be ≥ 0; ' +
      'points.overdue.lead: must be ≤ 0 (a penalty is written as a negative number); ' +
      'points.quality.ratings.good: must have at most 2 decimal places; ' +
      'points.base: must lie between floor (0) and cap (90); counts.quality: must be false: the weighted-share method scores completions only';
    expect(schemeIssues(detail)).toEqual([
      { field: 'cap', message: '不能小于 0' },
      { field: 'overdueLeadDeduction', message: '不能大于 0' },
      { field: 'good', message: '最多 2 位小数' },
      { field: 'base', message: '须在最低分 0 与最高分 90 之间' },
      { field: ['counts', 'quality'], message: '加权完成率法只计办结情况，此项须关闭' },
    ]);
  });

  it('leaves out paths the form has no field for, and other refusals', () => {
    expect(
      schemeIssues(
        'Assessment scheme (考核方案) what-if scheme is invalid: method: must be one of: points; weightedShare.weights: at least one role weight must be > 0',
      ),
    ).toEqual([{ field: 'weightLead', message: '牵头与配合单位的权重不能都为 0' }]);
    expect(schemeIssues('the 2025 assessment has not been run yet')).toEqual([]);
  });
});
