/**
 * `npm run site [-- --port N] [--host H] [--extra-refunds N]`: serve the demo back office.
 */
import { parseArgs } from 'node:util';
import { SITE_HOST, startSite } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8080' },
    host: { type: 'string', default: '127.0.0.1' },
    'extra-refunds': { type: 'string', default: '0' },
  },
});

const port = Number(values.port);
const extraRefunds = Number(values['extra-refunds']);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port: not a port number: ${values.port}`);
  process.exit(2);
}

const site = await startSite({ port, host: values.host, seed: { extraRefunds } });
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
