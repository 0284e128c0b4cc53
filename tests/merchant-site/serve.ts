/**
 * `npm run site [-- --port N] [--host H] [--extra-refunds N] [--variants] [--api-delay MS[,MAX]]`:
 * serve the demo back office (building its pages first when they are missing or stale).
 */
import { parseArgs } from 'node:util';
import { SITE_HOST, startSite } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    'extra-refunds': { type: 'string', default: '0' },
    /** The variant records of SEED.variants (status wordings, several after-sales, a discount label of its own). */
    variants: { type: 'boolean', default: false },
    /** Delay of each API response in ms ("1500" or "500,3000"): a slow back end. */
    'api-delay': { type: 'string' },
  },
});

const port = Number(values.port);
const extraRefunds = Number(values['extra-refunds']);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port: not a port number: ${values.port}`);
  process.exit(2);
}

const delay = values['api-delay']?.split(',').map(Number);
if (delay && (delay.some((n) => !Number.isFinite(n) || n < 0) || delay.length > 2)) {
  console.error(`--api-delay: not MS or MIN,MAX: ${values['api-delay']}`);
  process.exit(2);
}
const site = await startSite({
  port,
  host: values.host,
  seed: { extraRefunds, variants: values.variants },
  apiDelay: delay && [delay[0], delay[1] ?? delay[0]],
});
console.log(`快手小店 商家后台 (demo) listening on ${values.host}:${site.port}

  Open: ${site.origin}/zone/order/list

The pages are served under the real host name ${SITE_HOST}; map it to ${values.host}:
  Chromium: --host-resolver-rules="MAP ${SITE_HOST} ${values.host}"
  Firefox:  about:config → network.dns.forceResolve = ${values.host}
  or /etc/hosts: ${values.host} ${SITE_HOST}

Without the mapping, http://${values.host}:${site.port}/zone/order/list works too (the extension
does not run there). Ctrl+C to stop.`);

const stop = () => {
  void site.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
