// `npm run bench`'s command line (scripts/bench.ts describes each option), parsed once.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../browsers';

export const { values: args } = parseArgs({
  options: {
    pairs: { type: 'string', default: '15' },
    'no-build': { type: 'boolean', default: false },
    only: { type: 'string' },
    cases: { type: 'string', default: '50000' },
    'data-cases': { type: 'string', default: '200000' },
    json: { type: 'string', default: join(ROOT, 'bench-output/results.json') },
    settle: { type: 'string', default: '800' },
    /** Build with `wxt build --analyze` and print what the content script is made of. */
    analyze: { type: 'boolean', default: false },
    /** Also build with source maps and print CPU profiles attributed to modules (see scripts/bench/profile.ts). */
    profile: { type: 'boolean', default: false },
    /** Also trace order-detail loads and print where our script time goes (scripts/bench/traced.ts). */
    trace: { type: 'boolean', default: false },
  },
});
export const PAIRS = Math.max(1, Number(args.pairs));
export const N_CASES = Math.max(1, Number(args.cases));
export const SETTLE = Math.max(0, Number(args.settle));
export const SECTIONS = new Set((args.only ?? 'bundle,pagedata,detail,other,list,cases,data').split(',').map((s) => s.trim()));
export const N_DATA = Math.max(1, Number(args['data-cases']));
export const LIST_ROWS = 1000;

// ---- page markers of the demo back office ---------------------------------------------------------

/** The order detail's own content: its Ant descriptions block is rendered from the API data. */
export const DETAIL_CONTENT = '.ant-descriptions';
/** Any rendered content of the app's page. */
export const OTHER_CONTENT = '#root .ant-layout-content *';
