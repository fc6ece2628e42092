import { fireEvent, render, screen, within } from '@testing-library/react';
import type { RankingEntry } from './assessment-queries';
import RankingTable from './RankingTable';

const entry = (
  departmentName: string,
  rank: number | null,
  score: number | null,
): RankingEntry => ({
  departmentId: departmentName,
  departmentName,
  rank,
  score,
  status: score === null ? 'not_assessed' : 'assessed',
  notAssessedReason: null,
});

const ENTRIES = [
  entry('市发展改革委', 1, 82.5),
  entry('市教育局', 2, 81.9),
  entry('市工信委', 3, 76),
  entry('市民政局', null, null),
];

function names(): string[] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[1]?.textContent ?? '');
}

describe('RankingTable', () => {
  it('sorts by score either way with the department not assessed last, and opens a breakdown', () => {
    const opened: string[] = [];
    render(<RankingTable entries={ENTRIES} onDetail={(id) => opened.push(id)} />);
    expect(names()).toEqual(['市发展改革委', '市教育局', '市工信委', '市民政局']);

    const score = screen.getByRole('columnheader', { name: /得分/ });
    fireEvent.click(score);
    expect(names()).toEqual(['市工信委', '市教育局', '市发展改革委', '市民政局']);
    fireEvent.click(score);
    expect(names()).toEqual(['市发展改革委', '市教育局', '市工信委', '市民政局']);

    fireEvent.click(screen.getByRole('button', { name: '查看市工信委的得分明细' }));
    expect(opened).toEqual(['市工信委']);
  });
});
