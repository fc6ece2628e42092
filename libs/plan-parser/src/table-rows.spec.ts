import { buildKeyText } from './key-text';
import { findTableRows, isTableHeader } from './table-rows';

function rowsOf(text: string) {
  const key = buildKeyText(text).text;
  const lines: { start: number; end: number }[] = [];
  let start = 0;
  for (const part of key.split('\n')) {
    lines.push({ start, end: start + part.length });
    start += part.length + 1;
  }
  return findTableRows(key, lines).map((row) => ({
    serial: row.serial,
    task: row.cells.task ? key.slice(row.cells.task.start, row.cells.task.end) : null,
    lead: row.cells.lead ? key.slice(row.cells.lead.start, row.cells.lead.end) : null,
    support: row.cells.support ? key.slice(row.cells.support.start, row.cells.support.end) : null,
    deadline: row.cells.deadline
      ? key.slice(row.cells.deadline.start, row.cells.deadline.end)
      : null,
  }));
}

describe('findTableRows', () => {
  it('maps cells by the header, tabs or runs of spaces alike', () => {
    const text =
      '序号\t重点任务\t牵头单位\t配合单位\t完成时限\n1\t改造道路\t区住建局\t区城管局\t2024年10月底前\n2    整治市场    区市场监管局    区商务局    每季度';

    expect(rowsOf(text)).toEqual([
      {
        serial: '1',
        task: '改造道路',
        lead: '区住建局',
        support: '区城管局',
        deadline: '2024年10月底前',
      },
      {
        serial: '2',
        task: '整治市场',
        lead: '区市场监管局',
        support: '区商务局',
        deadline: '每季度',
      },
    ]);
  });

  it('keeps the time on the right when an empty cell was lost', () => {
    const text = '序号\t重点任务\t牵头单位\t配合单位\t完成时限\n6\t管控扬尘\t区住建局\t长期坚持';

    expect(rowsOf(text)).toEqual([
      { serial: '6', task: '管控扬尘', lead: '区住建局', support: null, deadline: '长期坚持' },
    ]);
  });

  it('needs a header naming a task and a unit column', () => {
    expect(isTableHeader('序号\t姓名\t职务', { start: 0, end: 8 })).toBe(false);
    expect(rowsOf('1\t改造道路\t区住建局')).toEqual([]);
  });
});
