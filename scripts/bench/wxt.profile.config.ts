// A profiling build: the production config plus source maps, into bench-output/profile-build/ (gitignored; the real
// build in .output/ is left alone). `npm run bench -- --profile` uses it to name the functions
// and modules a CPU profile of the extension spends its time in.
import { defineConfig, type UserConfig } from 'wxt';
import base from '../../wxt.config';

const baseVite = (base as UserConfig).vite;

export default defineConfig({
  ...(base as UserConfig),
  root: new URL('../../', import.meta.url).pathname,
  outDir: 'bench-output/profile-build',
  vite: (env) => {
    const v = (baseVite ? baseVite(env) : {}) as Record<string, any>;
    return { ...v, build: { ...(v.build ?? {}), sourcemap: true } };
  },
});
