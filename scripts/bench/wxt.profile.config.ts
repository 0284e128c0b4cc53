// The production config built into bench-output/ (gitignored), so the bench measures a build no
// one else rebuilds under it while it runs (the e2e global setup and other runs rebuild .output/).
// Only the output folder changes, and, with BENCH_SOURCEMAP=1 (`npm run bench -- --profile`),
// source maps are added so CPU profiles can name modules and functions.
import { defineConfig, type UserConfig } from 'wxt';
import base from '../../wxt.config';

const baseVite = (base as UserConfig).vite;
const sourcemap = process.env.BENCH_SOURCEMAP === '1';

export default defineConfig({
  ...(base as UserConfig),
  root: new URL('../../', import.meta.url).pathname,
  outDir: sourcemap ? 'bench-output/profile-build' : 'bench-output/build',
  vite: (env) => {
    const v = (baseVite ? baseVite(env) : {}) as Record<string, any>;
    return sourcemap ? { ...v, build: { ...(v.build ?? {}), sourcemap: true } } : v;
  },
});
