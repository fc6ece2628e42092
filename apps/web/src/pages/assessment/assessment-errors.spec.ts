/** @jest-environment node */
import { ApiError, describeError } from '../../api/errors';

const refusal = (status: number, message: string) =>
  ApiError.from(new Response(null, { status }), { message });

// The api's own messages (libs/assessment assessment.errors.ts, libs/scoring scoring.errors.ts).
describe('年度考核 refusals in Chinese', () => {
  it('says a run under way, a year without a scheme and a year not run yet', () => {
    expect(
      describeError(
        refusal(
          409,
          'the 2025 assessment is already being computed (run 1f0c); try again when it has finished',
        ),
      ),
    ).toBe('2025年度考核正在计算中，请等计算完成后再试');
    expect(
      describeError(
        refusal(
          422,
          'year: no assessment scheme (考核方案) for 2031: config/assessment/2031.yaml does not exist',
        ),
      ),
    ).toBe('2031年度还没有考核方案，无法运行考核');
    expect(describeError(refusal(404, 'the 2024 assessment has not been run yet'))).toBe(
      '2024年度尚未运行考核',
    );
  });

  it('says an invalid what-if scheme without the English field list', () => {
    expect(
      describeError(
        refusal(
          422,
          'Assessment scheme (考核方案) what-if scheme is invalid: points.cap: must be ≥ 0',
        ),
      ),
    ).toBe('考核方案参数不符合要求，请检查后重试');
  });
});
