// The cost of reading the page's own data (entrypoints/page-data.content.ts, lib/content/page-data.ts),
// per response: on a request that is not one of the endpoints (what every other request of the
// page pays: one URL test, no clone, no body read), and on a refund list response of 20 and of
// 1,000 after-sales (pick in the main world, the JSON hand-over, the check again and the keeping in
// the content scripts' world). Measured in Node (the same V8 as Chromium) on the demo back
// office's own responses; the browser's clone() and JSON parse of the body come on top for the
// endpoints only (the page parses the same body itself).
import { performance } from 'node:perf_hooks';
import { endpointOf, pickPageData, PAGE_DATA_EVENT } from '../../lib/sites/kuaishou/page-data';
import { collectPageData } from '../../lib/content/page-data';
import { SiteStore } from '../../tests/merchant-site/store';

export interface PageDataFigures {
  otherRequestUs: number;
  list20Ms: number;
  list1000Ms: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function measurePageData(): PageDataFigures {
  const urls = ['/api/orders?status=&page=1', '/static/js/main.3f2a.js', '/rest/pc/user/info', 'https://s.kwaixiaodian.com/zone/order/list'];
  let hits = 0;
  const t0 = performance.now();
  const N = 200_000;
  for (let i = 0; i < N; i++) if (endpointOf(urls[i & 3])) hits++;
  const otherRequestUs = ((performance.now() - t0) / N) * 1000;
  if (hits) throw new Error('an unrelated URL matched an endpoint');

  const doc = new EventTarget() as unknown as Document;
  collectPageData(doc);
  const response = (rows: number) => {
    const store = new SiteStore({ extraRefunds: rows });
    return JSON.parse(JSON.stringify({ result: 1, data: store.refundListPage({ pageNum: 1, pageSize: rows }) }));
  };
  const perResponse = (json: unknown) => {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      const data = pickPageData('refunds', json);
      doc.dispatchEvent(new CustomEvent(PAGE_DATA_EVENT, { detail: JSON.stringify(data) }));
      times.push(performance.now() - t);
    }
    return median(times);
  };
  return { otherRequestUs, list20Ms: perResponse(response(20)), list1000Ms: perResponse(response(1000)) };
}
