/**
 * What the office accepts as a password. At least 10 characters: with the sign-in throttle (10
 * guesses per account per 15 minutes) an online attacker is slowed, but a stolen table is
 * attacked offline, where 8 digits fall in seconds and 10 mixed characters (or 10 Chinese
 * characters, each one of thousands) take years; 10 is still short enough to type daily.
 * Beyond the length, refuse what guessers try first: digits only, one character repeated, a
 * sequence, the user's own name, and the most common passwords (with digits or symbols added).
 */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * The most used passwords in leaked Chinese and international lists, lower-cased, and words that
 * such passwords are built on (pinyin, names of the office); compared after stripping leading
 * and trailing digits and symbols, so `password2024!` and `woaini1314` are refused too.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  'password',
  'passw0rd',
  'p@ssword',
  'p@ssw0rd',
  'pass',
  'passwd',
  'pwd',
  'mima',
  'mimamima',
  'qwerty',
  'qwertyuiop',
  'qwertyui',
  'qwer',
  'asdf',
  'asdfgh',
  'asdfghjkl',
  'zxcv',
  'zxcvbn',
  'zxcvbnm',
  'qazwsx',
  'qazwsxedc',
  '1qaz2wsx',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'q1w2e3r4',
  'qweasd',
  'qweasdzxc',
  'abc',
  'abcd',
  'abcde',
  'abcdef',
  'abcdefg',
  'abcdefgh',
  'aaa',
  'abc123',
  'a123456',
  'a123456789',
  'aa123456',
  'qq',
  'qq123456',
  'admin',
  'administrator',
  'root',
  'user',
  'guest',
  'test',
  'tester',
  'demo',
  'default',
  'changeme',
  'welcome',
  'hello',
  'letmein',
  'login',
  'master',
  'secret',
  'iloveyou',
  'love',
  'loveyou',
  'monkey',
  'dragon',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'superman',
  'batman',
  'shadow',
  'michael',
  'trustno1',
  'whatever',
  'computer',
  'internet',
  'woaini',
  'aini',
  'woaini1314',
  'wodemima',
  'nihao',
  'zhongguo',
  'china',
  'beijing',
  'shanghai',
  'huawei',
  'xiaomi',
  'baidu',
  'taobao',
  'wang',
  'zhang',
  'li',
  'liu',
  'chen',
  'yang',
  'zhao',
  'huang',
  'zhou',
  'wu',
  'duban',
  'ducha',
  'duchashi',
  'dubanxitong',
  'zhengfu',
  'bangongshi',
  'office',
  'gov',
  'company',
  'zaq1xsw2',
  'xiaoming',
  'lilei',
  'hanmeimei',
  'wanghao',
  '5201314',
  '1314520',
  '520520',
  '我爱你',
  '密码',
  '督查室',
  '督办',
  '中国',
  '一二三四五六七八九十',
]);

/** Rows of the keyboard, forwards; a run along one (either way) is a sequence. */
const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

const characters = (text: string) => [...text];

function isSequence(text: string): boolean {
  const points = characters(text).map((c) => c.codePointAt(0) ?? 0);
  const step = points[1] - points[0];
  if (
    (step === 1 || step === -1) &&
    points.every((p, i) => i === 0 || p - points[i - 1] === step)
  ) {
    return true;
  }
  const backwards = characters(text).reverse().join('');
  return KEYBOARD_ROWS.some((row) => row.includes(text) || row.includes(backwards));
}

/** The text with leading and trailing digits, spaces and symbols taken off. */
const core = (text: string) => text.replace(/^[\d\p{P}\p{S}\s]+|[\d\p{P}\p{S}\s]+$/gu, '');

/**
 * Why `password` is refused, as one sentence for the person choosing it, or null when it is
 * accepted. `username` (and the display name) must not appear in it.
 */
export function passwordProblem(
  password: string,
  context: { username?: string; displayName?: string } = {},
): string | null {
  const length = characters(password).length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters (a phrase is easiest to remember)`;
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return `Choose a password of at most ${MAX_PASSWORD_LENGTH} characters`;
  }
  const lower = password.normalize('NFKC').toLowerCase();
  if (/^\d+$/.test(lower)) {
    return 'Choose a password that is not only digits';
  }
  if (new Set(characters(lower)).size < 4) {
    return 'Choose a password with more different characters';
  }
  if (isSequence(lower)) {
    return 'Choose a password that is not a sequence of letters, digits or keys';
  }
  for (const name of [context.username, context.displayName]) {
    if (name && name.length >= 3 && lower.includes(name.normalize('NFKC').toLowerCase())) {
      return 'Choose a password that does not contain your user name or name';
    }
  }
  const stripped = core(lower);
  if (
    COMMON_PASSWORDS.has(lower) ||
    COMMON_PASSWORDS.has(stripped) ||
    (characters(stripped).length >= 4 && isSequence(stripped))
  ) {
    return 'Choose a less common password: this one is among the first that guessers try';
  }
  return null;
}
