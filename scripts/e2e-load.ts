/**
 * `npm run test:e2e:load [-- --runs N] [--busy N] [vitest args…]`: the end-to-end suite N times in
 * a row (default 3) while busy loops keep every core at 100 % (default: one per core), the way a
 * shared CI machine can be. A test that passes only on a quiet machine waits for time, not for
 * state: this is how such a test is found. Exits non-zero when any run fails; prints each run's
 * result and duration at the end.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    busy: { type: 'string', default: String(availableParallelism()) },
  },
  allowPositionals: true,
});
const runs = Math.max(1, Number(values.runs) || 3);
const busy = Math.max(0, Number(values.busy) || 0);
/** A run that takes longer than this is stopped and counted as failed (the suite takes ~5 min here under load). */
const RUN_LIMIT_MS = 40 * 60_000;

const loops: ChildProcess[] = [];
const stopLoops = () => loops.forEach((l) => l.kill('SIGKILL'));
process.on('exit', stopLoops);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(130));

for (let i = 0; i < busy; i++) {
  // A bounded loop: it ends by itself after the longest the whole job could take.
  const limit = runs * RUN_LIMIT_MS;
  loops.push(spawn(process.execPath, ['-e', `const end = Date.now() + ${limit}; while (Date.now() < end) {}`], { stdio: 'ignore' }));
}
console.log(`[e2e:load] ${busy} busy loop(s) running; the e2e suite ${runs} time(s) in a row`);

const results: Array<{ run: number; ok: boolean; seconds: number }> = [];
for (let run = 1; run <= runs; run++) {
  const started = Date.now();
  console.log(`\n[e2e:load] run ${run} of ${runs}`);
  const r = spawnSync('npx', ['vitest', 'run', '--project', 'e2e', ...positionals], { stdio: 'inherit', timeout: RUN_LIMIT_MS });
  results.push({ run, ok: r.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}
stopLoops();

console.log(`\n[e2e:load] under ${busy} busy loop(s):`);
for (const r of results) console.log(`  run ${r.run}: ${r.ok ? 'passed' : 'FAILED'} in ${r.seconds} s`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${runs - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
