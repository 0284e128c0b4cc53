import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createCasesClient } from '@/components/cases/client';
import { CasesPage, type Tab } from '@/components/cases/CasesPage';
import { downloadFile } from '@/components/options/client';
import type { Request } from '@/components/popup/client';
import { currentLocale, tr } from '@/lib/i18n';
import { openExisting } from '@/lib/cases/store';
import { caseOfHash } from '@/lib/cases/url';
import { CASES_TEXT } from '@/components/cases/i18n';
import { send as request } from '@/lib/messaging/send';
import '@/components/cases/cases.css';

const locale = currentLocale();
document.documentElement.lang = locale;
document.title = tr(CASES_TEXT.title, locale);
const client = createCasesClient({
  request: request as Request,
  download: (file) => void downloadFile(file),
  openOptions: () => browser.runtime.openOptionsPage(),
  open: () => openExisting(),
});
// `cases.html#stats` opens the statistics (the popup links to both); `#case=ID` a case's drawer (the panel's link).
const tab: Tab = location.hash === '#stats' ? 'stats' : 'list';
render(
  <CasesPage
    client={client}
    locale={locale}
    tab={tab}
    openCase={caseOfHash(location.hash)}
    onTab={(next) => history.replaceState(null, '', next === 'stats' ? '#stats' : '#')}
  />,
  document.getElementById('app')!,
);
