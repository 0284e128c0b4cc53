import { render } from 'preact';
import { createOptionsClient, type Request } from '@/components/options/client';
import { Options } from '@/components/options/Options';
import { currentLocale } from '@/lib/i18n';
import { send as request } from '@/lib/messaging/send';
import '@/components/options/options.css';

const locale = currentLocale();
document.documentElement.lang = locale;
document.title = locale === 'en' ? 'Refund Helper · Settings' : '退款助手 · 设置';
render(<Options client={createOptionsClient(request as Request)} locale={locale} />, document.getElementById('app')!);
