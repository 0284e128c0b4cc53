// The demo's review simulator ("平台审核模拟"): a box fixed at the bottom left, over the menu, that plays the
// platform's side (approve, reject, fail, refund) for the current application, and resets the
// demo data. Not part of the real back office; marked data-demo="review-strip".
import { App, Button } from 'antd';
import { api } from './api.js';
import { useRoute } from './router.jsx';

const ACTIONS = [
  { action: 'approve', text: '审核通过', from: ['reviewing'] },
  { action: 'reject', text: '审核不通过', from: ['reviewing'] },
  { action: 'fail', text: '退款失败', from: ['approved', 'confirmed'] },
  { action: 'refund', text: '退款到账', from: ['approved', 'confirmed'] },
];

export function ReviewStrip({ show }) {
  const { reviewTarget: target, refresh } = useRoute();
  const { message } = App.useApp();
  const run = async (a) => {
    if (!target) return;
    try {
      await api.review(target.id, a.action);
      message.success(`已模拟平台操作：${a.text}`);
      refresh();
    } catch (err) {
      message.error(err.message);
    }
  };
  const reset = async () => {
    try {
      await api.reset();
      message.success('演示数据已重置');
      refresh();
    } catch (err) {
      message.error(err.message);
    }
  };
  return (
    <div className="demo-review-strip" data-demo="review-strip" role="region" aria-label="平台审核模拟（演示工具）" hidden={!show}>
      <div>
        <strong>平台审核模拟</strong>
        <div className="secondary">演示工具，不属于商家后台</div>
      </div>
      <span className="demo-review-target">{target ? `当前售后单：${target.id}（${target.statusText}）` : '打开售后详情或订单详情后，可模拟平台审核'}</span>
      {ACTIONS.map((a) => (
        <Button key={a.action} size="small" data-demo-action={a.action} disabled={!target || !a.from.includes(target.status)} onClick={() => run(a)}>
          {a.text}
        </Button>
      ))}
      <Button size="small" danger className="demo-review-reset" data-demo-action="reset" onClick={reset}>
        重置演示数据
      </Button>
    </div>
  );
}
