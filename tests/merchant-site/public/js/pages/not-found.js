// Any other path: the back office's 404.
import { button, result } from '../ui/basic.js';

export default {
  title: '页面不存在',
  menu: '',
  load: () => Promise.resolve(null),
  view(_data, ctx) {
    return result({
      status: 'warning',
      title: '抱歉，您访问的页面不存在',
      subTitle: ctx.url.pathname,
      extra: button({ text: '返回订单管理', type: 'primary', onClick: () => ctx.navigate('/zone/order/list') }),
    });
  },
};
