// 店铺设置: a page the extension does not serve.
import { card, pageHeader } from '../ui/basic.js';
import { descriptions } from '../ui/descriptions.js';

export default {
  title: '店铺设置',
  menu: 'shop',
  load: () => Promise.resolve(null),
  view() {
    return [
      pageHeader({ crumbs: [{ title: '店铺' }, { title: '店铺设置' }], title: '店铺设置' }),
      card(
        { title: '基础信息' },
        descriptions({
          column: 2,
          items: [
            { label: '店铺名称', content: '山野小铺旗舰店' },
            { label: '店铺ID', content: '8203317765' },
            { label: '主营类目', content: '服饰内衣 / 食品饮料' },
            { label: '开店时间', content: '2021-03-18' },
            { label: '客服电话', content: '400-***-8866' },
            { label: '退货地址', content: '浙江省金华市义乌市稠城街道***号 山野小铺售后部', span: 2 },
          ],
        }),
      ),
      card(
        { title: '售后设置' },
        descriptions({
          column: 1,
          items: [
            { label: '极速退款', content: '已开启（订单实付 ≤ ¥200 且未发货时自动同意）' },
            { label: '七天无理由退货', content: '支持' },
            { label: '退货运费险', content: '已开通' },
          ],
        }),
      ),
    ];
  },
};
