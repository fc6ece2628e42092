import { formatPoints } from './exact-points';

describe('formatPoints', () => {
  it('shows two decimals, with a plus sign on gains when asked', () => {
    expect(formatPoints(79.7)).toBe('79.70');
    expect(formatPoints(-2.5)).toBe('-2.50');
    expect(formatPoints(0.5, { signed: true })).toBe('+0.50');
    expect(formatPoints(0, { signed: true })).toBe('0.00');
    expect(formatPoints(66.67)).toBe('66.67');
  });
});
