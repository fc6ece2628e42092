import { flattenTasks, toLedgerJson } from './ledger-json';
import { parsePlan } from './plan-parser';

describe('parsePlan', () => {
  const plan = [
    '字号:大 中 小',
    '打印',
    '某市2024年重点工作方案',
    '某政办发〔2024〕3号',
    '一、主要目标',
    '到2025年,建成孵化器10家,研发投入比重达到2.2%。',
    '二、重点任务',
    '(一)加强科技创新。一是建设平台(市科技局牵头,发展改革委配合);二是培育企业,新增高新技术企业50家(市工信局牵头)。',
    '(二)优化营商环境。6月底前完成改革。(市政务服务局牵头,市司法局及相关部门配合)',
    '(三)推进项目建设。',
    '1.加快重大项目。每年新开工项目20个。',
    '2.强化要素保障。',
    '(市发展改革委、自然资源局牵头)',
    '分享到:',
  ].join('\n');

  const sut = parsePlan(plan);

  it('reads title and 文号, leaving page debris out', () => {
    expect(sut.title).toBe('某市2024年重点工作方案');
    expect(sut.docNumber).toBe('某政办发〔2024〕3号');
  });

  it('keeps the goals of 主要目标 on the plan', () => {
    expect(sut.goals.map((g) => g.phrase)).toEqual(['建成孵化器10家', '研发投入比重达到2.2%']);
  });

  it('splits 一是/二是 parts that carry their own notes into tasks', () => {
    expect(flattenTasks(sut).map((t) => [t.number, t.lead, t.support])).toEqual([
      ['二.(一).一是', ['市科技局'], ['市发展改革委']],
      ['二.(一).二是', ['市工信局'], []],
      ['二.(二)', ['市政务服务局'], ['市司法局', '相关部门']],
      ['二.(三)', ['市发展改革委', '市自然资源局'], []],
    ]);
  });

  it('gives a note standing after the last sub-item to the item above', () => {
    const task = flattenTasks(sut).find((t) => t.number === '二.(三)');

    expect(task?.title).toBe('推进项目建设');
    expect(task?.leadRule).toBe('explicit');
  });

  it('resolves 6月底前 with the plan year', () => {
    const task = flattenTasks(sut).find((t) => t.number === '二.(二)');

    expect(task?.deadline).toEqual({ phrase: '6月底前', date: '2024-06-30', recurrence: null });
  });

  it('records source spans that cover the task text', () => {
    const task = flattenTasks(sut).find((t) => t.number === '二.(二)');
    const text = plan.slice(task?.span.start, task?.span.end);

    expect(text.startsWith('(二)优化营商环境')).toBe(true);
    expect(text.endsWith('相关部门配合)')).toBe(true);
  });

  it('prints the ledger in the truth-file format', () => {
    const json = toLedgerJson(sut, 'plan.txt');

    expect(Object.keys(json)).toEqual(['source', 'title', 'doc_number', 'tasks']);
    expect(json.tasks[1]).toEqual({
      number: '二.(一).二是',
      title: '培育企业,新增高新技术企业50家',
      lead: ['市工信局'],
      support: [],
      deadline: null,
      targets: ['新增高新技术企业50家'],
    });
  });

  it('takes every numbered item under 主要任务 when no item names a department', () => {
    const draft = parsePlan(
      '一、总体要求\n(一)指导思想。坚持创新。\n二、主要任务\n1.建设园区。\n2.培育人才。\n三、保障措施\n1.加强领导。',
    );

    expect(flattenTasks(draft).map((t) => [t.number, t.lead, t.leadRule])).toEqual([
      ['二.1', [], 'none'],
      ['二.2', [], 'none'],
    ]);
  });

  it('warns when a task has no lead department', () => {
    const draft = parsePlan('一、重点任务\n(一)加强协调。(牵头单位:)\n完成时限:2024年底前');

    expect(flattenTasks(draft)[0].warnings).toContain(
      'No lead department was found; assign one in review.',
    );
  });
});
