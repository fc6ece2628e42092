import { MAX_PLAN_BYTES, refusalOf } from './upload-rules';

describe('refusalOf', () => {
  it('accepts .txt and .docx of any case up to 5 MB', () => {
    expect(refusalOf({ name: '方案.TXT', size: 10 })).toBeNull();
    expect(refusalOf({ name: '方案.docx', size: MAX_PLAN_BYTES })).toBeNull();
  });

  it('refuses other types, empty files and files over 5 MB, naming the file', () => {
    expect(refusalOf({ name: '方案.doc', size: 10 })).toBe(
      '“方案.doc”不是 .txt 或 .docx 文件：只能导入 .txt 或 .docx 格式的计划文件',
    );
    expect(refusalOf({ name: 'a.txt', size: 0 })).toBe('“a.txt”是空文件');
    expect(refusalOf({ name: 'a.docx', size: MAX_PLAN_BYTES + 1 })).toBe(
      '“a.docx”超过 5 MB：计划文件不能超过 5 MB',
    );
  });
});
