import { Worker } from 'node:worker_threads';

/**
 * Verifies bcrypt hashes stored before Duban used scrypt, on worker threads: bcryptjs is plain
 * JavaScript and would hold the event loop for each compare (~65 ms at cost 10), so 16 parallel
 * sign-ins took every other request from 2 ms to over a second. Each such hash is replaced by an
 * scrypt one at its user's next sign-in, so this path fades out; two workers (the target machine's
 * cores) are started on first use and never keep the process alive on their own.
 *
 * The worker is evaluated from source (not a file) so it runs the same under the compiled build,
 * swc-node and jest; it loads bcryptjs by the path this module resolves.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { compareSync } = require(${JSON.stringify(require.resolve('bcryptjs'))});
parentPort.on('message', ({ id, password, hash }) => {
  let matches = false;
  try { matches = compareSync(password, hash); } catch { matches = false; }
  parentPort.postMessage({ id, matches });
});`;

const WORKERS = 2;

interface PooledWorker {
  worker: Worker;
  pending: Map<number, (matches: boolean | Error) => void>;
}

const pool: PooledWorker[] = [];
let nextId = 0;

function startWorker(): PooledWorker {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  const pooled: PooledWorker = { worker, pending: new Map() };
  worker.on('message', ({ id, matches }: { id: number; matches: boolean }) => {
    pooled.pending.get(id)?.(matches);
    pooled.pending.delete(id);
    if (pooled.pending.size === 0) {
      worker.unref();
    }
  });
  const fail = (error: Error) => {
    const index = pool.indexOf(pooled);
    if (index >= 0) {
      pool.splice(index, 1);
    }
    for (const settle of pooled.pending.values()) {
      settle(error);
    }
    pooled.pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`bcrypt worker exited with code ${code}`)));
  worker.unref();
  return pooled;
}

/** The least busy worker, starting one while fewer than WORKERS run. */
function pickWorker(): PooledWorker {
  const idle = pool.find((pooled) => pooled.pending.size === 0);
  if (idle) {
    return idle;
  }
  if (pool.length < WORKERS) {
    const pooled = startWorker();
    pool.push(pooled);
    return pooled;
  }
  return pool.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
}

export function verifyLegacyBcrypt(password: string, hash: string): Promise<boolean> {
  const pooled = pickWorker();
  const id = nextId++;
  return new Promise<boolean>((resolve, reject) => {
    pooled.pending.set(id, (outcome) =>
      outcome instanceof Error ? reject(outcome) : resolve(outcome),
    );
    pooled.worker.ref();
    pooled.worker.postMessage({ id, password, hash });
  });
}

/** Stops the workers (tests and shutdown); the next compare starts new ones. */
export async function stopLegacyBcryptWorkers(): Promise<void> {
  const stopping = pool.splice(0).map((pooled) => pooled.worker.terminate());
  await Promise.all(stopping);
}
