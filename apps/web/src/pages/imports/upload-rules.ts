/** What the api accepts as a plan file, checked before the upload so a refusal is immediate. */
export const MAX_PLAN_BYTES = 5 * 1024 * 1024;

/** Why a chosen file cannot be a plan, in Chinese; null when it may be uploaded. */
export function refusalOf(file: { name: string; size: number }): string | null {
  if (!/\.(txt|docx)$/i.test(file.name)) {
    return `“${file.name}”不是 .txt 或 .docx 文件：只能导入 .txt 或 .docx 格式的计划文件`;
  }
  if (file.size === 0) {
    return `“${file.name}”是空文件`;
  }
  if (file.size > MAX_PLAN_BYTES) {
    return `“${file.name}”超过 5 MB：计划文件不能超过 5 MB`;
  }
  return null;
}
