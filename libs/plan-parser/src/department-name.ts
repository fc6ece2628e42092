/** Rules about one department name, read in key text (simplified, half-width). */

const PREFIXES = ['自治区', '兵团', '省', '市', '县', '区', '州', '盟', '旗'] as const;

/** Words after a leading 市/区/县 that show the character belongs to the name itself. */
const NOT_A_PREFIX = /^(?:市场|市政(?!府|务)|区域|县域|州县|省级|市级|县级|区级)/;

/** The jurisdiction a name is written with (市, 兵团, …), or null. */
export function jurisdictionPrefix(name: string): string | null {
  if (name.length < 3 || NOT_A_PREFIX.test(name)) {
    return null;
  }
  for (const prefix of PREFIXES) {
    if (name.startsWith(prefix) && name.length > prefix.length + 1) {
      return prefix;
    }
  }
  return null;
}

const COLLECTIVE_START = /^(?:各|相关|有关|其他|其它|所在|属地|全|驻)/;
const NEVER_PREFIXED =
  /(?:新区|开发区|园区|高新区|试验区|管委会|政府|街道|乡镇|办事处|社区|村委会|大学|学院|科学院|研究院|研究所|集团|公司|银行|医院|学校|党校|协会|商会|成员单位|领导小组|指挥部|分行|支行|各|[省县州旗]|市(?!场)|区)/;
const DEPARTMENT_CORE_END = /(?:局|委|办|厅|部|中心|室|会|联|处|队|站|署|社|馆|台|科|组|所|院)$/;

/** Whether a name written without a jurisdiction takes the one its list was written with. */
export function takesElidedPrefix(name: string): boolean {
  if (jurisdictionPrefix(name) !== null || COLLECTIVE_START.test(name)) {
    return false;
  }
  const core = stripTrailingParenthetical(name);
  return !NEVER_PREFIXED.test(core) && DEPARTMENT_CORE_END.test(core);
}

const DEPARTMENT_END =
  /(?:局|委|办|厅|部|部门|政府|管委会|委员会|中心|院|校|大学|集团|公司|银行|办公室|会|所|站|队|处|科|室|单位|小组|署|社|联|馆|台|行|组|师市|师|团场|街道|镇|乡|党委|党组|法院|检察院|指挥部|司|机关|机构|纪委|监委|人大|政协)$/;

/** Whether a bare list item reads like a body that can take on a task. */
export function isDepartmentLike(name: string): boolean {
  if (name.length < 2 || name.length > 40 || /[。!?\d%]/.test(name)) {
    return false;
  }
  if (/(?:简称|包括|例如|比如|其中|以上|以下)/.test(name)) {
    return false;
  }
  const core = stripTrailingParenthetical(name);
  if (DEPARTMENT_END.test(core)) {
    return true;
  }
  return /^各/.test(core) && /[县区市]$/.test(core);
}

export function stripTrailingParenthetical(name: string): string {
  if (!name.endsWith(')')) {
    return name;
  }
  let depth = 0;
  for (let i = name.length - 1; i >= 0; i--) {
    const c = name[i];
    if (c === ')') {
      depth++;
    } else if (c === '(') {
      depth--;
      if (depth === 0) {
        return i > 0 ? name.slice(0, i) : name;
      }
    }
  }
  return name;
}
