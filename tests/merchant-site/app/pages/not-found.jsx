// Any other path: the back office's 404.
import { Button, Result } from 'antd';
import { useRoute } from '../router.jsx';

export default function NotFound() {
  const { url, navigate } = useRoute();
  return (
    <Result
      status="warning"
      title="抱歉，您访问的页面不存在"
      subTitle={url.pathname}
      extra={
        <Button type="primary" onClick={() => navigate('/zone/order/list')}>
          返回订单管理
        </Button>
      }
    />
  );
}
