import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createPopupClient, type Request } from '@/components/popup/client';
import { ATTENTION_LIMIT, Popup } from '@/components/popup/Popup';
import { currentLocale } from '@/lib/i18n';
import { send as request } from '@/lib/messaging/send';
import '@/components/popup/popup.css';

const locale = currentLocale();
document.documentElement.lang = locale;
const client = createPopupClient({
  request: request as Request,
  locale,
  openOptions: async () => {
    await browser.runtime.openOptionsPage();
    window.close();
  },
  openCases: async (hash = '') => {
    await browser.tabs.create({ url: browser.runtime.getURL(`/cases.html${hash}`) });
    window.close();
  },
  openUrl: async (url) => {
    await browser.tabs.create({ url });
    window.close();
  },
});
// Asked before the first render, so the answers are on their way while Preact renders the frame.
const initial = { counts: client.counts(), items: client.attentionList(ATTENTION_LIMIT) };
render(<Popup client={client} locale={locale} initial={initial} />, document.getElementById('app')!);
