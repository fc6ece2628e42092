import { detectHeading } from './heading';

describe('detectHeading', () => {
  it.each([
    ['一、总体要求', 'cn', '一'],
    ['十二、附则', 'cn', '十二'],
    ['(三)主要目标', 'cn-paren', '(三)'],
    ['〔四〕保障', 'cn-paren', '(四)'],
    ['1.实施分类指导', 'num', '1'],
    ['12、加强领导', 'num', '12'],
    ['3\t任务内容', 'num', '3'],
    ['(2)建设平台', 'num-paren', '(2)'],
    ['4)推进改革', 'num-half-paren', '4)'],
    ['①实施链长制', 'circled', '①'],
    ['第二部分重点任务', 'part', '第二部分'],
  ])('reads %s as %s %s', (line, style, marker) => {
    expect(detectHeading(line)).toMatchObject({ style, marker });
  });

  it.each([
    ['2.2%的比重'],
    ['2018年7月20日'],
    ['一是加快完善制度'],
    ['(市发改委牵头)'],
    ['1.'],
    ['十三五时期'],
  ])('does not read %s as a heading', (line) => {
    expect(detectHeading(line)).toBeNull();
  });

  it('counts the marker and its punctuation in the length', () => {
    expect(detectHeading('(一)指导思想')?.length).toBe(3);
    expect(detectHeading('一、指导思想')?.length).toBe(2);
  });
});
