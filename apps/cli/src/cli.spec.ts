import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli';

const FIXTURES = join(__dirname, '..', '..', '..', 'tests', 'fixtures', 'plans');

function run(...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('duban', () => {
  it('lists its commands for --help', () => {
    const sut = run('--help');

    expect(sut.code).toBe(0);
    expect(sut.out).toContain('Usage: duban <command>');
    expect(sut.out).toMatch(/\n {2}parse {2}/);
  });

  it('exits 2 with one line on stderr for an unknown command', () => {
    const sut = run('bogus');

    expect(sut.code).toBe(2);
    expect(sut.err).toBe('duban bogus: unknown command "bogus"; run duban --help');
  });

  it('exits 2 when called with nothing', () => {
    expect(run().code).toBe(2);
  });
});

describe('duban parse', () => {
  it('prints the ledger as JSON in the truth format', () => {
    const sut = run('parse', join(FIXTURES, '004_236c681d6d6c5a7c.txt'), '--json');
    const ledger = JSON.parse(sut.out) as {
      source: string;
      tasks: { number: string; lead: string[] }[];
    };

    expect(sut.code).toBe(0);
    expect(ledger.source).toBe('004_236c681d6d6c5a7c.txt');
    expect(ledger.tasks).toHaveLength(42);
    expect(ledger.tasks[0]).toMatchObject({ number: '二.(一).1', lead: ['兵团工信委'] });
  });

  it('prints a readable table', () => {
    const sut = run('parse', join(FIXTURES, '000_78e5d42a01ff2626.txt'));
    const lines = sut.out.split('\n');

    expect(sut.code).toBe(0);
    expect(lines[1]).toBe('34 tasks');
    expect(lines[3]).toMatch(/^No\.\s+Title\s+Lead\s+Support\s+Deadline$/);
    expect(sut.out).toContain('三.(一).1');
    expect(sut.out).toContain('到2020年 (2020-12-31)');
  });

  it('exits 2 for a missing file', () => {
    const sut = run('parse', join(FIXTURES, 'no-such-plan.txt'));

    expect(sut.code).toBe(2);
    expect(sut.err).toMatch(/^duban parse: cannot read .*no-such-plan\.txt/);
  });

  it('exits 2 for a file that is not a plan', () => {
    const sut = run('parse', join(FIXTURES, 'truth', 'README.md'));

    expect(sut.code).toBe(2);
    expect(sut.err).toContain('No numbered tasks were found');
  });

  it('refuses a file over 5 MB before reading it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'duban-cli-'));
    const file = join(dir, 'huge.txt');
    writeFileSync(file, Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));

    const sut = run('parse', file);
    rmSync(dir, { recursive: true });

    expect(sut.code).toBe(2);
    expect(sut.err).toContain('larger than 5 MB');
  });

  it('exits 2 for an unknown option or a missing file name', () => {
    expect(run('parse', '--yaml', 'x.txt').code).toBe(2);
    expect(run('parse').err).toBe('duban parse: missing FILE: duban parse FILE [--json]');
  });

  it('shows its own help', () => {
    const sut = run('parse', '--help');

    expect(sut.code).toBe(0);
    expect(sut.out).toContain('Usage: duban parse FILE [--json]');
  });
});
