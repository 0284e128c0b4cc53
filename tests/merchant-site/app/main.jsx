// Boot: Ant Design's provider (zh-CN), the frame (header, menu), the demo's review simulator, routes.
import { App as AntApp, ConfigProvider, Layout, Menu } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import { BellOutlined, QuestionCircleOutlined, ProfileOutlined, RollbackOutlined, SettingOutlined } from '@ant-design/icons';
import { createRoot } from 'react-dom/client';
import { useEffect } from 'react';
import { RouterProvider, useRoute } from './router.jsx';
import { ReviewStrip } from './review-strip.jsx';
import OrderList from './pages/order-list.jsx';
import OrderDetail from './pages/order-detail.jsx';
import RefundApply from './pages/refund-apply.jsx';
import RefundList from './pages/refund-list.jsx';
import RefundDetail from './pages/refund-detail.jsx';
import ShopSettings from './pages/shop-settings.jsx';
import NotFound from './pages/not-found.jsx';
import './app.css';

/** path → page; `inPlace`: a new query keeps the page (its table shows its own spinner). */
const ROUTES = {
  '/zone/order/list': { page: OrderList, title: '订单管理', menu: 'order', inPlace: true },
  '/zone/order/detail': { page: OrderDetail, title: '订单详情', menu: 'order' },
  '/zone/refund/apply': { page: RefundApply, title: '申请退款', menu: 'refund' },
  '/zone/refund/list': { page: RefundList, title: '退款管理', menu: 'refund', inPlace: true },
  '/zone/refund/detail': { page: RefundDetail, title: '售后详情', menu: 'refund' },
  '/zone/shop/settings': { page: ShopSettings, title: '店铺设置', menu: 'shop' },
};
const NOT_FOUND = { page: NotFound, title: '页面不存在', menu: '' };

const MENU = [
  { key: 'order', label: <a href="/zone/order/list">订单管理</a>, icon: <ProfileOutlined /> },
  { key: 'refund', label: <a href="/zone/refund/list">退款管理</a>, icon: <RollbackOutlined /> },
  { key: 'shop', label: <a href="/zone/shop/settings">店铺设置</a>, icon: <SettingOutlined /> },
];

function Frame() {
  const { path, url, reloads } = useRoute();
  const route = ROUTES[path] ?? NOT_FOUND;
  const Page = route.page;
  useEffect(() => {
    document.title = `${route.title} - 快手小店商家后台`;
  }, [route]);
  const stripOn = path.startsWith('/zone/order/') || path.startsWith('/zone/refund/');
  return (
    <Layout>
      <Layout.Header className="app-header">
        <a className="app-logo" href="/zone/order/list">
          <img src="/static/logo.svg" alt="" />
          快手小店<small>商家后台</small>
        </a>
        <div className="app-header-right">
          <span title="消息通知">
            <BellOutlined />
          </span>
          <span title="帮助中心">
            <QuestionCircleOutlined />
          </span>
          <span className="app-shop">
            <span className="app-avatar" aria-hidden="true">
              山
            </span>
            山野小铺旗舰店
          </span>
        </div>
      </Layout.Header>
      <Layout className="app-body" hasSider>
        <Layout.Sider theme="light" width={208} className="app-sider">
          <Menu mode="inline" selectedKeys={[route.menu]} items={MENU} />
        </Layout.Sider>
        <Layout>
          <Layout.Content className="app-content" id="page">
            <Page key={route.inPlace ? `${path}#${reloads}` : `${path}${url.search}#${reloads}`} />
          </Layout.Content>
        </Layout>
      </Layout>
      <ReviewStrip show={stripOn} />
    </Layout>
  );
}

function Root() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#fe3666', borderRadius: 4 } }}>
      <AntApp>
        <RouterProvider>
          <Frame />
        </RouterProvider>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')).render(<Root />);
