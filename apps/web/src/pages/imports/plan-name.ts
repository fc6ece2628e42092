/**
 * What to call an import: the plan's title as read, else the file's name without its extension
 * (what the api names the plan on commit), else 未命名方案.
 */
export function planName(title: string | null | undefined, fileName: string | null | undefined) {
  return title || fileName?.replace(/\.[a-z]+$/i, '') || '未命名方案';
}
