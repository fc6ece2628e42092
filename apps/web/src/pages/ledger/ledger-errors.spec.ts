/** @jest-environment node */
import { ApiError, describeError } from '../../api/errors';

describe("the ledger's refusals in Chinese", () => {
  const refusal = (message: string) =>
    ApiError.from(new Response(null, { status: 400 }), { message });

  it('asks for a department before a role, and a refresh for a stale cursor', () => {
    expect(
      describeError(refusal('role filters the tasks of one department: give departmentId too')),
    ).toBe('按牵头或配合筛选前，请先选择责任单位');
    expect(describeError(refusal('cursor is not one this API gave out'))).toBe(
      '列表已变化，请刷新后重新加载',
    );
  });
});
