// Pieces shared by the pages.
import { Badge, Breadcrumb, Button, Result, Spin } from 'antd';
import { thumbColor } from './format.js';
import { useRoute } from './router.jsx';

const ORDER_BADGE = {
  unpaid: 'warning',
  unshipped: 'processing',
  shipped: 'processing',
  delivered: 'success',
  completed: 'success',
  refunding: 'warning',
  refunded: 'default',
  closed: 'default',
};
const REFUND_BADGE = {
  reviewing: 'processing',
  approved: 'warning',
  confirmed: 'processing',
  refunded: 'success',
  rejected: 'error',
  failed: 'error',
  closed: 'default',
  intervening: 'warning',
};

export const OrderStatus = ({ order }) => <Badge status={ORDER_BADGE[order.status] ?? 'default'} text={order.statusText} />;
/** `iconOnly`: the coloured dot without its words (as some of the back office's lists show it). */
export const RefundStatus = ({ refund, iconOnly }) => (
  <Badge status={REFUND_BADGE[refund.status] ?? 'default'} text={iconOnly ? undefined : refund.statusText} />
);

/** Thumbnail (a coloured square with the first character) + title + spec. */
export function GoodsCell({ item, quantity = true }) {
  return (
    <div className="goods-cell">
      <div className="goods-thumb" style={{ background: thumbColor(item.title) }} aria-hidden="true">
        {item.title.slice(0, 1)}
      </div>
      <div>
        <div className="goods-title" title={item.title}>
          {item.title}
        </div>
        <div className="goods-spec">{quantity ? `${item.spec} ×${item.quantity}` : item.spec}</div>
      </div>
    </div>
  );
}

export const orderHref = (id) => `/zone/order/detail?id=${encodeURIComponent(id)}`;
export const refundHref = (id) => `/zone/refund/detail?id=${encodeURIComponent(id)}`;
export const applyHref = (orderId) => `/zone/refund/apply?orderId=${encodeURIComponent(orderId)}`;

/** Breadcrumb and title, as the back office's pages start. */
/** The lists' pagination as the back office shows it (共 N 条, no size changer); a page change goes through `go`. */
export const listPagination = (current, pageSize, total, go) => ({
  current,
  pageSize,
  total,
  showSizeChanger: false,
  showTotal: (n) => `共 ${n} 条`,
  onChange: (page) => go({ page }),
});

export function PageHeader({ crumbs, title, extra }) {
  return (
    <div className="page-header">
      <Breadcrumb items={crumbs.map((c) => ({ title: c.href ? <a href={c.href}>{c.title}</a> : c.title }))} />
      <div className="page-header-row">
        <h1 className="ant-page-header-heading-title">{title}</h1>
        {extra}
      </div>
    </div>
  );
}

export function PageLoading() {
  return (
    <div className="page-loading">
      <Spin size="large" tip="加载中...">
        <div style={{ width: 200, height: 80 }} />
      </Spin>
    </div>
  );
}

/** The page's load failed: 数据不存在 (404) or 加载失败, with 重新加载. */
export function LoadError({ error, retry }) {
  const notFound = error?.status === 404;
  return (
    <Result
      status={notFound ? 'warning' : 'error'}
      title={notFound ? '数据不存在' : '加载失败'}
      subTitle={error?.message ?? String(error)}
      extra={
        <Button type="primary" onClick={retry}>
          重新加载
        </Button>
      }
    />
  );
}

/**
 * The common frame of a detail page: the spinner until the first data, the error, or the page.
 * `children(data)` renders the page.
 */
export function Loaded({ state, children }) {
  if (state.error) return <LoadError error={state.error} retry={state.reload} />;
  if (state.data === undefined) return <PageLoading />;
  return children(state.data);
}

export function useNavigate() {
  return useRoute().navigate;
}
