// Boot: frame, review simulator, routes.
import { createLayout } from './layout.js';
import { createReviewStrip } from './review-strip.js';
import { createRouter } from './router.js';
import orderList from './pages/order-list.js';
import orderDetail from './pages/order-detail.js';
import refundApply from './pages/refund-apply.js';
import refundList from './pages/refund-list.js';
import refundDetail from './pages/refund-detail.js';
import shopSettings from './pages/shop-settings.js';
import notFound from './pages/not-found.js';

const layout = createLayout();
const strip = createReviewStrip({ onChanged: () => router.refresh() });
const router = createRouter({
  routes: [
    { path: '/zone/order/list', page: orderList },
    { path: '/zone/order/detail', page: orderDetail },
    { path: '/zone/refund/apply', page: refundApply },
    { path: '/zone/refund/list', page: refundList },
    { path: '/zone/refund/detail', page: refundDetail },
    { path: '/zone/shop/settings', page: shopSettings },
  ],
  fallback: notFound,
  layout,
  strip,
  stripOn: (path) => path.startsWith('/zone/order/') || path.startsWith('/zone/refund/'),
});

document.getElementById('root').append(layout.el, strip.el);
router.start();
