// `npm run package`: store-ready zips of both builds in dist/packages/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
mkdirSync('dist/packages', { recursive: true });

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// Firefox: web-ext builds the zip AMO expects.
run('npx', [
  'web-ext',
  'build',
  '--source-dir',
  'dist/firefox',
  '--artifacts-dir',
  'dist/packages',
  '--filename',
  `context-cards-${version}-firefox.zip`,
  '--overwrite-dest',
]);
// Chrome: the Web Store takes a plain zip with manifest.json at its root, which web-ext also writes.
run('npx', [
  'web-ext',
  'build',
  '--source-dir',
  'dist/chrome',
  '--artifacts-dir',
  'dist/packages',
  '--filename',
  `context-cards-${version}-chrome.zip`,
  '--overwrite-dest',
]);
console.log(
  `Packages in dist/packages: context-cards-${version}-chrome.zip, context-cards-${version}-firefox.zip`,
);
