import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Runs the CLI as `npm run validate-store` would: node with tsx, from the repository root. */
function runCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate-store.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, INIT_CWD: ROOT },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each run starts node and tsx, a few seconds on a busy 2-core machine.
describe('scripts/validate-store.ts', { timeout: 60_000 }, () => {
  it('prints OK with the entity count and exits 0 for a valid pack', () => {
    const { status, stdout, stderr } = runCli('tests/fixtures/stores/valid-pack.json');
    expect({ status, stdout, stderr }).toEqual({
      status: 0,
      stdout: 'OK: 2 entities in tests/fixtures/stores/valid-pack.json\n',
      stderr: '',
    });
  });

  it('checks src/store/entities.json when given no file', () => {
    const { status, stdout } = runCli();
    expect(status).toBe(0);
    expect(stdout).toMatch(/^OK: \d+ entit(y|ies) in src\/store\/entities\.json\n$/);
  });

  it('prints every problem as FILE: path — message, then a count, and exits 1', () => {
    const file = 'tests/fixtures/stores/invalid-unknown-key.json';
    const { status, stdout, stderr } = runCli(file);
    expect(status).toBe(1);
    expect(stdout.split('\n')).toEqual([
      `${file}: $.entities[1].summary — required field "summary" is missing`,
      `${file}: $.entities[1].sumary — unknown field "sumary" (did you mean "summary"?)`,
      `2 problems in ${file}`,
      '',
    ]);
    expect(stderr).toBe('');
  });

  it('reports a JSON syntax error at $ without a stack trace', () => {
    const { status, stdout } = runCli('tests/fixtures/stores/invalid-json-syntax.json');
    expect(status).toBe(1);
    expect(stdout).toContain('invalid-json-syntax.json: $ — is not valid JSON:');
    expect(stdout).not.toMatch(/\n\s+at /);
  });

  it('says in one line when a file cannot be read', () => {
    expect(runCli('no/such/pack.json')).toEqual({
      status: 1,
      stdout: '',
      stderr: 'validate-store: cannot read no/such/pack.json: no such file\n',
    });
    expect(runCli('tests').stderr).toBe('validate-store: cannot read tests: it is a directory, not a file\n');
  });

  it('exits 1 when any of several files is invalid', () => {
    const { status, stdout } = runCli(
      'tests/fixtures/stores/valid-pack.json',
      'tests/fixtures/stores/invalid-markup.json',
    );
    expect(status).toBe(1);
    expect(stdout).toContain('OK: 2 entities in tests/fixtures/stores/valid-pack.json');
    expect(stdout).toContain('1 problem in tests/fixtures/stores/invalid-markup.json');
  });

  it('works through npm run with -- FILE', () => {
    const result = spawnSync(
      'npm',
      ['run', '--silent', 'validate-store', '--', 'tests/fixtures/stores/valid-pack.json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, INIT_CWD: ROOT },
      },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('OK: 2 entities in tests/fixtures/stores/valid-pack.json\n');
  });
});
