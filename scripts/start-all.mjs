// Development: starts the four services from dist/ as separate processes, prefixes their
// output, and stops them all on Ctrl-C (or when one of them exits).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const services = ['api', 'scheduler', 'notifier', 'assessment'];
const missing = services.filter((s) => !existsSync(`dist/apps/${s}/src/main.js`));
if (missing.length) {
  console.error(
    `start:all: ${missing.join(', ')} not built: run \`npm run setup\` (or \`npm run build\`) first`,
  );
  process.exit(1);
}

const children = services.map((service) => {
  const child = spawn(process.execPath, [`dist/apps/${service}/src/main.js`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${service}]`.padEnd(13);
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`${prefix} ${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    console.log(`${prefix} exited (${signal ?? code})`);
    stopAll(code ?? 1);
  });
  return child;
});

let stopping = false;
function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
