export type PlanParseErrorCode =
  'EMPTY' | 'NOT_TEXT' | 'NOT_UTF8' | 'TOO_LARGE' | 'NO_TASKS' | 'PARSE_FAILED';

const MESSAGES: Record<PlanParseErrorCode, { en: string; zh: string }> = {
  EMPTY: { en: 'The document is empty.', zh: '文件内容为空。' },
  NOT_TEXT: {
    en: 'The file is not a text document (it looks like a binary file such as a picture or a Word file). Save the plan as plain text and try again.',
    zh: '文件不是纯文本(可能是图片或Word等二进制文件),请将方案另存为纯文本后重试。',
  },
  NOT_UTF8: {
    en: 'The text is not encoded in UTF-8 (it may be GBK). Save the plan as UTF-8 text and try again.',
    zh: '文件编码不是UTF-8(可能是GBK),请另存为UTF-8编码的文本后重试。',
  },
  TOO_LARGE: {
    en: 'The document is larger than 5 MB; a plan is much smaller. Check that the right file was chosen.',
    zh: '文件超过5MB,超出方案文件的正常大小,请确认选择的文件是否正确。',
  },
  NO_TASKS: {
    en: 'No numbered tasks were found in the document. Check that it is an action plan with numbered items.',
    zh: '未在文件中找到编号的任务条目,请确认这是一份带编号条目的实施方案。',
  },
  PARSE_FAILED: {
    en: 'The document could not be read because of a fault in the parser. Please report it with the file attached.',
    zh: '解析程序出现故障,未能读取该文件,请连同文件一并反馈。',
  },
};

/** The one error the parser throws: a code a program can switch on and a message a person can read. */
export class PlanParseError extends Error {
  readonly code: PlanParseErrorCode;
  /** The same message in Chinese, for the office's interface. */
  readonly messageZh: string;

  constructor(code: PlanParseErrorCode, detail?: string) {
    const text = MESSAGES[code];
    super(detail ? `${text.en} (${detail})` : text.en);
    this.name = 'PlanParseError';
    this.code = code;
    this.messageZh = text.zh;
  }
}
