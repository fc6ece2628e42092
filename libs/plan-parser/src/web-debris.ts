// Lines a web page adds around a document: navigation, print and share buttons, font-size controls.
const DEBRIS_START =
  /^(?:您的位置|您现在的位置|您当前的位置|您所在的位置|当前位置|所在位置|首页|>|›|»|打印|【打印|\[打印|关闭|【关闭|分享到|分享|微信|微博|扫一扫|字体|字号|【字体|【字号|\[字体|\[字号|大中小|保护视力色|恢复默认|发布时间|发布日期|信息来源|来源[:：]|浏览次数|阅读次数|访问次数|点击数|点击率|责任编辑|编辑[:：]|上一篇|下一篇|相关链接|相关文章|相关文件|附件下载|【原文下载】|原文下载|Produced|版权所有|ICP|网站|公开方式|索引号|主题分类|主题词|成文日期|生效日期|返回顶部|返回列表|【返回|收藏|我要纠错|政策解读|二维码|视力保护)/;

const ONLY_SYMBOLS = /^[\s\d|｜>\-_=*#·•.。,:;【】[\]()]*$/;

/** Whether a line (in key text) is page furniture rather than part of the document. */
export function isWebDebris(line: string): boolean {
  if (line.length > 80 || line.includes('。')) {
    return false;
  }
  return DEBRIS_START.test(line) || ONLY_SYMBOLS.test(line) || /^(?:大|中|小|\s)+$/.test(line);
}

/** Date and signature lines closing a document, kept out of the last task's body. */
export function isDateLine(line: string): boolean {
  return (
    /^\d{4}年\d{1,2}月\d{1,2}日(?:印发|发布)?$/.test(line) ||
    /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(line)
  );
}

export function isIssuerLine(line: string): boolean {
  return (
    line.length <= 30 &&
    !/[。,;:]/.test(line) &&
    /(?:人民政府|政府|办公厅|办公室|委员会|兵团|管委会|党委)$/.test(line)
  );
}
