// Builds dist/chrome and dist/firefox from the one source tree.
import { spawnSync } from 'node:child_process';

for (const target of ['chrome', 'firefox']) {
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, TARGET: target },
  });
  if (result.status !== 0) {
    console.error(`Build for ${target} failed.`);
    process.exit(result.status ?? 1);
  }
  console.log(`Built dist/${target}`);
}
