import { planName } from './plan-name';

describe('planName', () => {
  it('prefers the title, then the file name without its extension', () => {
    expect(planName('柳州实施方案', 'a.txt')).toBe('柳州实施方案');
    expect(planName(null, '梧州方案.DOCX')).toBe('梧州方案');
    expect(planName(null, null)).toBe('未命名方案');
  });
});
