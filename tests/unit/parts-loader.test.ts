// @vitest-environment happy-dom
// The bootstrap's part loading (lib/content/parts-loader.ts): the part of the panel's runtime each
// served route needs is asked for on the first served route and on a navigation into the other
// part's routes, one request at a time; a failed request is tried again on the next change.
import { afterEach, describe, expect, it } from 'vitest';
import { followParts } from '../../lib/content/parts-loader';
import type { PanelPart } from '../../lib/sites/kuaishou/routes';

const ORIGIN = 'https://s.kwaixiaodian.com';
const setURL = (path: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(ORIGIN + path);

/** A navigation of the page's own router: the URL changes, then the page renders. */
async function navigate(path: string) {
  history.pushState(null, '', ORIGIN + path);
  document.body.append(document.createElement('div'));
  await new Promise((r) => setTimeout(r, 0));
}

/** The background, answering when the test says. */
function background() {
  const asked: PanelPart[] = [];
  const pending: Array<(ok: boolean) => void> = [];
  const load = (part: PanelPart) => {
    asked.push(part);
    return new Promise<boolean>((r) => pending.push(r));
  };
  const answer = async (ok = true) => {
    pending.shift()!(ok);
    await new Promise((r) => setTimeout(r, 0));
  };
  return { asked, load, answer };
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('followParts', () => {
  it('asks for the route part on a served page, and again only on entering the other part', async () => {
    setURL('/zone/order/list');
    const bg = background();
    stop = followParts(window, bg.load);
    expect(bg.asked).toEqual(['lists']);
    await bg.answer();
    await navigate('/zone/order/list?page=2');
    await navigate('/zone/refund/list');
    expect(bg.asked).toEqual(['lists']);
    await navigate('/zone/order/detail?id=1');
    expect(bg.asked).toEqual(['lists', 'orders']);
    await bg.answer();
    await navigate('/zone/refund/apply?orderId=1');
    await navigate('/zone/shop/settings');
    await navigate('/zone/refund/detail?id=2');
    expect(bg.asked).toEqual(['lists', 'orders']);
    await navigate('/zone/refund/list');
    expect(bg.asked).toEqual(['lists', 'orders', 'lists']);
  });

  it('asks nothing on a page it does not serve', async () => {
    setURL('/zone/shop/settings');
    const bg = background();
    stop = followParts(window, bg.load);
    await navigate('/zone/goods/list');
    expect(bg.asked).toEqual([]);
  });

  it('waits for one answer before the next request, then asks for the part of where the page is by then', async () => {
    setURL('/zone/order/list');
    const bg = background();
    stop = followParts(window, bg.load);
    await navigate('/zone/order/detail?id=1');
    await navigate('/zone/order/list');
    await navigate('/zone/refund/detail?id=2');
    expect(bg.asked).toEqual(['lists']);
    await bg.answer();
    expect(bg.asked).toEqual(['lists', 'orders']);
    await bg.answer();
    expect(bg.asked).toEqual(['lists', 'orders']);
  });

  it('asks again on the next change of the page after a failure', async () => {
    setURL('/zone/order/detail?id=1');
    const bg = background();
    stop = followParts(window, bg.load);
    await bg.answer(false);
    expect(bg.asked).toEqual(['orders']);
    document.body.append(document.createElement('p'));
    await new Promise((r) => setTimeout(r, 0));
    expect(bg.asked).toEqual(['orders', 'orders']);
  });

  it('follows nothing once stopped', async () => {
    setURL('/zone/shop/settings');
    const bg = background();
    followParts(window, bg.load)();
    await navigate('/zone/order/list');
    expect(bg.asked).toEqual([]);
  });
});
