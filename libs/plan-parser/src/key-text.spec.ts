import { buildKeyText, sourceSlice } from './key-text';

describe('buildKeyText', () => {
  it('turns full-width punctuation and digits into ASCII and traditional into simplified', () => {
    const sut = buildKeyText('（市發展改革委牽頭，２０２４年）');

    expect(sut.text).toBe('(市发展改革委牵头,2024年)');
  });

  it('drops single blanks and indentation, and turns a run of blanks into one tab', () => {
    const sut = buildKeyText('\u3000\u3000一、 总体要求\n1\t任务  市科技局 ');

    expect(sut.text).toBe('一、总体要求\n1\t任务\t市科技局');
  });

  it('reads CRLF as one line end', () => {
    expect(buildKeyText('甲\r\n乙\r丙').text).toBe('甲\n乙\n丙');
  });

  it('maps every key character back to where it stands in the source', () => {
    const source = '  （市科技局 牵头）';
    const sut = buildKeyText(source);
    const at = sut.text.indexOf('市');

    expect(sut.origin[at]).toBe(3);
    expect(sourceSlice(source, sut, at, sut.text.indexOf(')'))).toBe('市科技局 牵头');
  });

  it('joins a line broken inside a bracket', () => {
    expect(buildKeyText('推进工作(市发改委牵\n头,市财政局配合)\n二、任务').text).toBe(
      '推进工作(市发改委牵头,市财政局配合)\n二、任务',
    );
  });

  it('keeps the break when the next line starts a heading', () => {
    expect(buildKeyText('推进工作(见下\n(一)任务').text).toBe('推进工作(见下\n(一)任务');
  });
});
