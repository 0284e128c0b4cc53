// 店铺设置: a page the extension does not serve.
import { Card, Descriptions } from 'antd';
import { PageHeader } from '../common.jsx';

export default function ShopSettings() {
  return (
    <>
      <PageHeader crumbs={[{ title: '店铺' }, { title: '店铺设置' }]} title="店铺设置" />
      <Card title="基础信息">
        <Descriptions
          column={2}
          items={[
            { key: 'name', label: '店铺名称', children: '山野小铺旗舰店' },
            { key: 'id', label: '店铺ID', children: '8203317765' },
            { key: 'cat', label: '主营类目', children: '服饰内衣 / 食品饮料' },
            { key: 'since', label: '开店时间', children: '2021-03-18' },
            { key: 'tel', label: '客服电话', children: '400-***-8866' },
            { key: 'addr', label: '退货地址', children: '浙江省金华市义乌市稠城街道***号 山野小铺售后部', span: 2 },
          ]}
        />
      </Card>
      <Card title="售后设置">
        <Descriptions
          column={1}
          items={[
            { key: 'fast', label: '极速退款', children: '已开启（订单实付 ≤ ¥200 且未发货时自动同意）' },
            { key: 'seven', label: '七天无理由退货', children: '支持' },
            { key: 'ins', label: '退货运费险', children: '已开通' },
          ]}
        />
      </Card>
    </>
  );
}
