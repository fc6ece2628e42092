import { hashSync } from 'bcryptjs';
import { TEST_PASSWORD, TEST_PASSWORD_HASH } from '../../../../libs/testing/src/factories';
import { stopLegacyBcryptWorkers } from './legacy-bcrypt';
import {
  hashPassword,
  parseScryptHash,
  SCRYPT_PARAMS,
  UNKNOWN_USER_HASH,
  verifyPassword,
} from './password';

describe('password hashes', () => {
  afterAll(() => stopLegacyBcryptWorkers());

  const passphrase = '春风又绿江南岸明月何时照我还'.repeat(8).slice(0, 100);

  it('writes scrypt$N$r$p$salt$hash with the current parameters and a fresh salt', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    expect(first).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(first).not.toBe(second);
    expect(parseScryptHash(first)).toMatchObject({ ...SCRYPT_PARAMS });
    expect(await verifyPassword('correct horse battery staple', first)).toEqual({
      matches: true,
      needsRehash: false,
    });
    expect((await verifyPassword('correct horse battery stapler', first)).matches).toBe(false);
  });

  it('reads a 100-character Chinese passphrase in full: its first 24 characters do not match', async () => {
    expect(Buffer.byteLength(passphrase)).toBe(300);
    const stored = await hashPassword(passphrase);
    expect((await verifyPassword(passphrase, stored)).matches).toBe(true);
    expect((await verifyPassword(passphrase.slice(0, 24), stored)).matches).toBe(false);
    expect((await verifyPassword(passphrase.slice(0, 99), stored)).matches).toBe(false);
    // bcrypt, as before, could not tell them apart: all past 72 bytes was ignored.
    const bcrypt = hashSync(passphrase, 4);
    expect((await verifyPassword(passphrase.slice(0, 24), bcrypt)).matches).toBe(true);
  });

  it('treats composed and decomposed forms of the same text as one password', async () => {
    const stored = await hashPassword('Café au lait, s’il vous plaît');
    const decomposed = 'Café au lait, s’il vous plaît'.normalize('NFD');
    expect((await verifyPassword(decomposed, stored)).matches).toBe(true);
  });

  it('verifies a legacy bcrypt hash off the event loop and asks for it to be replaced', async () => {
    const legacy = hashSync('an old office password', 10);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    const [right, wrong] = await Promise.all([
      verifyPassword('an old office password', legacy),
      verifyPassword('another password', legacy),
    ]);
    clearInterval(timer);
    expect(right).toEqual({ matches: true, needsRehash: true });
    expect(wrong).toEqual({ matches: false, needsRehash: true });
    // Two compares at cost 10 take ~65 ms each: the timer kept firing meanwhile.
    expect(ticks).toBeGreaterThan(5);
  });

  it('asks to replace an scrypt hash of other parameters, and refuses unreadable ones', async () => {
    const weaker = (await hashPassword('x')).replace('scrypt$16384$', 'scrypt$1024$');
    expect(parseScryptHash(weaker)).toMatchObject({ N: 1024 });
    for (const broken of [
      'scrypt$1000$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==',
      `scrypt$${2 ** 24}$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA==`,
      'plain text',
      '',
    ]) {
      expect(await verifyPassword('x', broken)).toEqual({ matches: false, needsRehash: false });
    }
  });

  it('costs an unknown user one real hash with the current parameters, matching nothing', async () => {
    expect(parseScryptHash(UNKNOWN_USER_HASH)).toMatchObject({ ...SCRYPT_PARAMS });
    expect((await verifyPassword('', UNKNOWN_USER_HASH)).matches).toBe(false);
  });

  it("agrees with the test users' hash (libs/testing), so their sign-ins keep it", async () => {
    expect(await verifyPassword(TEST_PASSWORD, TEST_PASSWORD_HASH)).toEqual({
      matches: true,
      needsRehash: false,
    });
  });
});
