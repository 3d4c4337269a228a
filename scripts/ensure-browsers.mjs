// Makes sure the e2e tests have their two browsers. Never skips: a missing
// browser is installed (Debian/Ubuntu as root) or the run fails with the
// exact command to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const browsers = [
  { name: 'Chromium', path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium' },
  { name: 'Firefox ESR', path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', pkg: 'firefox-esr' },
];

const missing = browsers.filter((browser) => !existsSync(browser.path));
if (missing.length === 0) process.exit(0);

const command = `apt-get update && apt-get install -y ${missing.map((browser) => browser.pkg).join(' ')}`;
const canInstall = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (canInstall) {
  console.log(
    `Installing ${missing.map((browser) => browser.name).join(' and ')} for the e2e tests: ${command}`,
  );
  const result = spawnSync('sh', ['-c', command], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status === 0 && missing.every((browser) => existsSync(browser.path))) process.exit(0);
}
for (const browser of missing) console.error(`${browser.name} not found at ${browser.path}.`);
console.error(`Install with: sudo ${command}`);
console.error('Or point CHROMIUM_PATH / FIREFOX_PATH at existing binaries.');
process.exit(1);
