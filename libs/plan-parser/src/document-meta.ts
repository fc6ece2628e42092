import { TextLine } from './outline';

export interface DocumentMeta {
  title: KeyLineRef | null;
  docNumber: KeyLineRef | null;
  issuer: KeyLineRef | null;
  issueDate: string | null;
}

export interface KeyLineRef {
  start: number;
  end: number;
}

const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}[〔[(【]\d{4}[〕\])】]\d{1,4}号/;
const TITLE_END =
  /(?:通知|意见|方案|计划|规划|办法|要点|建议|措施|细则|纲要|决定|清单|台账|安排|任务|分工|分解表)(?:\((?:\d{4}[-—~至]\d{4}年|试行|\d{4}年|修订)\))?$/;
const ISSUER_END = /(?:人民政府|政府办公室|政府办公厅|办公厅|办公室|委员会|兵团|管委会)$/;

/** Title, 文号, issuer and date from the lines around the plan's first heading. */
export function readDocumentMeta(
  key: string,
  preamble: TextLine[],
  signatureLines: TextLine[],
  allLines: TextLine[],
): DocumentMeta {
  const text = (l: TextLine): string => key.slice(l.start, Math.min(l.end, l.start + 200));
  let title: KeyLineRef | null = null;
  let docNumber: KeyLineRef | null = null;
  for (const line of preamble) {
    const t = text(line);
    const labelled = /^(?:发文字号|文号)[:]?(.+)$/.exec(t);
    if (
      !docNumber &&
      (labelled || (t.length <= 30 && DOC_NUMBER.test(t) && DOC_NUMBER.exec(t)?.[0] === t))
    ) {
      const m = DOC_NUMBER.exec(t);
      if (m) {
        docNumber = { start: line.start + m.index, end: line.start + m.index + m[0].length };
      }
      continue;
    }
    if (
      !title &&
      t.length <= 90 &&
      !/[。:;]$/.test(t) &&
      !/^[《“]/.test(t) &&
      !/[>]/.test(t) &&
      TITLE_END.test(t)
    ) {
      title = line;
    }
  }
  let issueDate: string | null = null;
  let issuer: KeyLineRef | null = null;
  for (const line of signatureLines) {
    const t = text(line);
    const date =
      /^(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(t) ?? /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(t);
    if (date && !issueDate) {
      issueDate = `${date[1]}-${date[2].padStart(2, '0')}-${date[3].padStart(2, '0')}`;
    } else if (!date && !issuer && ISSUER_END.test(t)) {
      issuer = line;
    }
  }
  if (!issueDate) {
    for (const line of allLines.slice(0, 40)) {
      const m = /^(?:发布时间|发布日期|成文日期)[:]?(\d{4})[-年./](\d{1,2})[-月./](\d{1,2})/.exec(
        text(line),
      );
      if (m) {
        issueDate = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
        break;
      }
    }
  }
  if (!issuer && title) {
    const m = /^(.{2,30}?(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室))关于/.exec(
      text(title),
    );
    if (m) {
      issuer = { start: title.start, end: title.start + m[1].length };
    }
  }
  return { title, docNumber, issuer, issueDate };
}
