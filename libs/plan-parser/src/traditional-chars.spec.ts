import { toSimplified, TRADITIONAL_PAIR_COUNT } from './traditional-chars';

describe('toSimplified', () => {
  it('converts the words of a responsibility note', () => {
    expect(toSimplified('市發展改革委牽頭,財政局配合;責任單位;完成時限')).toBe(
      '市发展改革委牵头,财政局配合;责任单位;完成时限',
    );
  });

  it('leaves simplified text and other characters alone', () => {
    expect(toSimplified('市科技局(牵头)2024年ABC')).toBe('市科技局(牵头)2024年ABC');
  });

  it('keeps the length, so offsets stay valid', () => {
    const text = '寧波市人民政府辦公廳關於推進戰略性新興產業倍增發展的實施意見';

    expect(toSimplified(text)).toHaveLength(text.length);
    expect(toSimplified(text)).toBe('宁波市人民政府办公厅关于推进战略性新兴产业倍增发展的实施意见');
  });

  it('holds several hundred pairs', () => {
    expect(TRADITIONAL_PAIR_COUNT).toBeGreaterThan(800);
  });
});
