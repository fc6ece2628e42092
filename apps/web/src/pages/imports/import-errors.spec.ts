/** @jest-environment node */
import { ApiError, describeError } from '../../api/errors';

/** The api's refusals of an import as it words them, and what the office reads instead. */
const say = (status: number, message: string) =>
  describeError(ApiError.from(new Response(null, { status }), { message }));

describe('import refusals in Chinese', () => {
  it('says why an uploaded file is not a plan', () => {
    expect(
      say(
        422,
        'The file is not a text document (it looks like a binary file such as a picture or a Word file). Save the plan as plain text and try again.',
      ),
    ).toBe('文件不是纯文本（可能是图片或其他二进制文件），请上传 .txt 或 .docx 格式的计划文件');
    expect(say(422, 'The text is not encoded in UTF-8 (it may be GBK). Save…')).toBe(
      '文件编码不是 UTF-8（可能是 GBK），请另存为 UTF-8 编码的文本后重试',
    );
    expect(say(422, 'a.docx is not a readable .docx file (Word 2007 or later); save it')).toBe(
      '无法读取该 .docx 文件，请用 Word 重新保存后再试，或上传纯文本',
    );
    expect(say(413, 'The file is larger than 5 MB; a plan is much smaller')).toBe(
      '文件过大：计划文件不能超过 5 MB',
    );
  });

  it('names the plan a re-upload matches, and the names commit still waits for', () => {
    expect(
      say(
        409,
        'This document was already imported as plan "梧州市方案" (version 1); send newVersion=true to import it as a new version',
      ),
    ).toBe('该文件已导入为计划“梧州市方案”');
    expect(say(422, 'Map these names to departments before committing: 工信委、市测绘局')).toBe(
      '以下名称尚未对应到部门：工信委、市测绘局',
    );
  });

  it('says a stale draft was reloaded rather than asking for a refresh', () => {
    expect(
      say(409, 'Import 9d1c changed since version 3 (now 4): reload it and apply the edit again'),
    ).toBe('导入草稿已被他人修改，页面已载入最新内容，请重新操作');
  });
});
