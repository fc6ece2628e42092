import { MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it.each([
    ['12345678', /at least 10 characters/],
    ['abc12', /at least 10 characters/],
    ['73920183746', /only digits/],
    ['aaaaaaaaaaaa', /more different characters/],
    ['abababababab', /more different characters/],
    ['abcdefghijkl', /sequence/],
    ['qwertyuiop', /sequence/],
    ['poiuytrewq', /sequence/],
    ['Password2024!', /less common/],
    ['woaini1314520', /less common/],
    ['!!qwerty123456', /less common/],
    ['1234567890abcd', /less common/],
    ['一二三四五六七八九十', /less common/],
  ])('refuses %j with the reason', (password, reason) => {
    expect(passwordProblem(password)).toMatch(reason);
  });

  it('refuses a password containing the user name or the display name, in any case', () => {
    expect(passwordProblem('FGW_Zhang-2024-spring', { username: 'fgw_zhang' })).toMatch(
      /user name/,
    );
    expect(passwordProblem('我是张伟市发改委的人', { displayName: '张伟市发改委' })).toMatch(
      /user name or name/,
    );
    expect(passwordProblem('春风又绿江南岸明月何时照我还', { username: 'fgw_zhang' })).toBeNull();
  });

  it('accepts phrases and random strings of ten characters or more, in any script', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(10);
    for (const password of [
      'correct horse battery staple',
      'tq8#Lm2!vZ',
      '8#2$9!4@7&1',
      '春风又绿江南岸明月何时照我还',
      '长江后浪推前浪一代新人',
    ]) {
      expect([password, passwordProblem(password)]).toEqual([password, null]);
    }
  });

  it('counts characters, not bytes: ten Chinese characters are enough, nine are not', () => {
    expect(passwordProblem('长江后浪推前浪一代新')).toBeNull();
    expect(passwordProblem('长江后浪推前浪一代')).toMatch(/at least 10 characters/);
  });
});
