/**
 * Seed data of the demo back office: deterministic orders in every order status and refund
 * applications (after-sale cases, 售后单) in every application status. Everything is fake;
 * buyer data is stored already masked, as the real back office shows it.
 *
 * Tests refer to records by role through `SEED`, never by copying ids.
 */

export type OrderStatus = 'unpaid' | 'unshipped' | 'shipped' | 'delivered' | 'completed' | 'refunding' | 'refunded' | 'closed';

export type RefundStatus = 'reviewing' | 'approved' | 'confirmed' | 'refunded' | 'rejected' | 'failed' | 'intervening' | 'closed';
export type RefundType = 'refund-only' | 'return-refund';

export interface OrderItem {
  title: string;
  spec: string;
  /** Unit price in 分. */
  priceFen: number;
  quantity: number;
}

export interface Order {
  id: string;
  status: OrderStatus;
  createdAt: number;
  paidAt?: number;
  shippedAt?: number;
  /** 微信支付 / 支付宝 / 快手支付; absent while unpaid. */
  paymentMethod?: string;
  items: OrderItem[];
  goodsTotalFen: number;
  discountFen: number;
  /** The discount printed as these lines under their own labels (variant seed); absent: one line 优惠. */
  discountLines?: { label: string; fen: number }[];
  shippingFeeFen: number;
  paidFen: number;
  buyer: { name: string; phone: string; address: string };
  logistics?: { trackingNo: string; courier: string };
  /** Generated for the benchmark (`extraRefunds`), not hand-written seed. */
  generated?: boolean;
}

export interface RefundEvent {
  status: RefundStatus;
  at: number;
}

export interface Refund {
  id: string;
  orderId: string;
  refundType: RefundType;
  reasonText: string;
  amountFen: number;
  remark: string;
  trackingNo: string;
  courier: string;
  files: string[];
  status: RefundStatus;
  createdAt: number;
  updatedAt: number;
  history: RefundEvent[];
  /** The platform's comment on a rejection or a failure. */
  note?: string;
  /** The order's status before the application opened; restored when it ends without a refund. */
  orderStatusBefore: OrderStatus;
}

export interface SeedOptions {
  /** Generate N extra refund rows (with their orders) for the 1,000-row benchmark. */
  extraRefunds?: number;
  /**
   * Add the variant records of `SEED.variants` (opt-in, so the default seed and the tests that
   * count on it keep their meaning): wordings and shapes the real back office has.
   */
  variants?: boolean;
}

/**
 * Seed records by role. Orders: `unpaid`… `closed` are plain orders in that status;
 * `refunding*`, `refunded*` and `with*Refund` carry the application of the same role in `refunds`.
 */
export const SEED = {
  orders: {
    /** 待付款, ¥59.80. */
    unpaid: '2411250031827465',
    /** 待付款, with a discount. */
    unpaid2: '2411250047712093',
    /** 待发货, ¥69.00, no discount, no logistics: advice is to cancel, not refund. */
    unshipped: '2411240019283746',
    /** 待发货, goods ¥159.00, 优惠 -¥30.00, 实付 ¥129.00. */
    unshippedDiscounted: '2411240025561938',
    /** 已发货, ¥239.00 + 运费 ¥10.00 = ¥249.00, 顺丰速运 SF1234567890123. */
    shipped: '2411210037465821',
    /** 已发货, goods ¥159.00, 优惠 -¥30.00, 实付 ¥129.00, 中通快递 78812345678901. */
    shippedDiscounted: '2411080012345678',
    /** 已发货, ¥1,299.00, 顺丰速运. */
    shippedHighValue: '2411220058391027',
    /** 已签收, ¥259.00 - ¥20.00 = ¥239.00, 圆通速递. */
    delivered: '2411180044102957',
    /** 已签收, 2 × ¥35.80 + 运费 ¥6.00 = ¥77.60. */
    delivered2: '2411170062837410',
    /** 交易成功, ¥329.00. */
    completed: '2411020071938264',
    /** 交易成功, ¥89.90 - ¥10.00 = ¥79.90. */
    completed2: '2410280083746152',
    /** 售后中: application `refunds.reviewing` (退货退款, 待审核). */
    refunding: '2411200026475839',
    /** 售后中: application `refunds.approved` (仅退款, 审核通过). */
    refundingApproved: '2411190039182736',
    /** 售后中: application `refunds.confirmed` (退货退款, 退款执行中). */
    refundingConfirmed: '2411160052918374',
    /** 已退款: application `refunds.refunded` (仅退款). */
    refunded: '2411120065738291',
    /** 已退款: application `refunds.refunded2` (退货退款). */
    refunded2: '2411100078192635',
    /** 已关闭 (unpaid, timed out). */
    closed: '2411050013827364',
    /** 已关闭 (cancelled before shipping). */
    closed2: '2411030024918375',
    /** 已签收; application `refunds.rejected` (审核不通过). */
    withRejectedRefund: '2411150087263514',
    /** 交易成功; application `refunds.failed` (退款失败). */
    withFailedRefund: '2411140091827345',
  },
  refunds: {
    reviewing: '12024112000001',
    approved: '12024111900002',
    confirmed: '12024111600003',
    refunded: '12024111200004',
    refunded2: '12024111000005',
    rejected: '12024111500006',
    failed: '12024111400007',
  },
  /** Opt-in records (`seed: { variants: true }`). */
  variants: {
    orders: {
      /** 已发货, goods ¥259.00, discount ¥15.00 printed as 主播专享券 (a label the defaults do not know), 实付 ¥244.00. */
      couponLabel: '2411230045127796',
      /** 已签收: application `variants.refunds.firstRejected` rejected, then `variants.refunds.second` (待审核). */
      twoAfterSales: '2411190071564283',
      /** 已签收: application `variants.refunds.intervening` (平台介入中). */
      intervening: '2411170084432165',
      /** 交易成功: application `variants.refunds.closed` (退款关闭). */
      closed: '2411130056271839',
    },
    refunds: {
      firstRejected: '12024111900011',
      second: '12024112100012',
      intervening: '12024111800013',
      closed: '12024111300014',
    },
  },
} as const;

const HOUR = 3_600_000;
/** Epoch ms of a Beijing (UTC+8) wall-clock time. */
function bj(date: string, time: string): number {
  return Date.parse(`${date}T${time}+08:00`);
}

const GOODS = {
  coat: { title: '冬季加厚羊羔绒外套女宽松百搭', spec: '米白色 M', priceFen: 15900 },
  nuts: { title: '每日坚果混合果仁750g/30袋礼盒装', spec: '原味', priceFen: 8990 },
  earbuds: { title: '主动降噪无线蓝牙耳机 长续航', spec: '曜石黑', priceFen: 129900 },
  bedding: { title: '新疆长绒棉四件套 1.8m床', spec: '浅灰 1.8m', priceFen: 23900 },
  cup: { title: '316不锈钢保温杯 500ml', spec: '奶油白', priceFen: 6900 },
  downJacket: { title: '儿童中长款羽绒服 加厚', spec: '藏青 130cm', priceFen: 19900 },
  gingerTea: { title: '古法手工红糖姜茶 12袋', spec: '1盒', priceFen: 2990 },
  band: { title: '智能运动手环 心率血氧监测', spec: '星空黑', priceFen: 25900 },
  shoes: { title: '男士透气网面跑步鞋', spec: '灰蓝 42', priceFen: 32900 },
  handCream: { title: '护手霜礼盒 5支装', spec: '混合香型', priceFen: 4990 },
  liangpi: { title: '陕西手工擀面皮 10份装', spec: '麻酱味', priceFen: 3990 },
  towel: { title: '纯棉加厚毛巾 3条装', spec: '混色', priceFen: 3580 },
} satisfies Record<string, Omit<OrderItem, 'quantity'>>;
type GoodsKey = keyof typeof GOODS;

const BUYERS = [
  { name: '张*明', phone: '138****5678', address: '浙江省杭州市西湖区文三路***号' },
  { name: '李*', phone: '139****2046', address: '广东省深圳市南山区科技园南区***栋' },
  { name: '王*华', phone: '186****7731', address: '北京市朝阳区望京街道***小区' },
  { name: '陈*', phone: '135****0918', address: '四川省成都市武侯区天府大道***号' },
  { name: '刘*芳', phone: '158****3362', address: '江苏省南京市鼓楼区中山北路***号' },
  { name: '赵*强', phone: '177****4409', address: '湖北省武汉市洪山区珞喻路***号' },
  { name: '孙*', phone: '131****8825', address: '陕西省西安市雁塔区小寨东路***号' },
];

const PAYMENTS = ['微信支付', '支付宝', '快手支付'];

interface OrderDraft {
  id: string;
  status: OrderStatus;
  goods: GoodsKey;
  quantity?: number;
  discountFen?: number;
  shippingFeeFen?: number;
  createdAt: number;
  logistics?: { trackingNo: string; courier: string };
  /** Closed without payment (timed out). */
  neverPaid?: boolean;
}

function makeOrder(d: OrderDraft & { discountLines?: Order['discountLines'] }, i: number): Order {
  const g = GOODS[d.goods];
  const quantity = d.quantity ?? 1;
  const goodsTotalFen = g.priceFen * quantity;
  const discountFen = d.discountFen ?? 0;
  const shippingFeeFen = d.shippingFeeFen ?? 0;
  const paid = d.status !== 'unpaid' && !d.neverPaid;
  return {
    id: d.id,
    status: d.status,
    createdAt: d.createdAt,
    paidAt: paid ? d.createdAt + 2 * 60_000 : undefined,
    shippedAt: d.logistics ? d.createdAt + 20 * HOUR : undefined,
    paymentMethod: paid ? PAYMENTS[i % PAYMENTS.length] : undefined,
    items: [{ ...g, quantity }],
    goodsTotalFen,
    discountFen,
    discountLines: d.discountLines,
    shippingFeeFen,
    paidFen: goodsTotalFen - discountFen + shippingFeeFen,
    buyer: BUYERS[i % BUYERS.length],
    logistics: d.logistics,
  };
}

const O = SEED.orders;
const R = SEED.refunds;

const ORDER_DRAFTS: OrderDraft[] = [
  { id: O.unpaid, status: 'unpaid', goods: 'gingerTea', quantity: 2, createdAt: bj('2024-11-25', '09:12:44') },
  { id: O.unpaid2, status: 'unpaid', goods: 'handCream', discountFen: 500, createdAt: bj('2024-11-25', '10:03:17') },
  { id: O.unshipped, status: 'unshipped', goods: 'cup', createdAt: bj('2024-11-24', '20:41:09') },
  { id: O.unshippedDiscounted, status: 'unshipped', goods: 'coat', discountFen: 3000, createdAt: bj('2024-11-24', '13:26:51') },
  {
    id: O.shipped,
    status: 'shipped',
    goods: 'bedding',
    shippingFeeFen: 1000,
    createdAt: bj('2024-11-21', '16:08:33'),
    logistics: { trackingNo: 'SF1234567890123', courier: '顺丰速运' },
  },
  {
    id: O.shippedDiscounted,
    status: 'shipped',
    goods: 'coat',
    discountFen: 3000,
    createdAt: bj('2024-11-08', '14:23:05'),
    logistics: { trackingNo: '78812345678901', courier: '中通快递' },
  },
  {
    id: O.shippedHighValue,
    status: 'shipped',
    goods: 'earbuds',
    createdAt: bj('2024-11-22', '11:47:20'),
    logistics: { trackingNo: 'SF1408852736491', courier: '顺丰速运' },
  },
  {
    id: O.delivered,
    status: 'delivered',
    goods: 'band',
    discountFen: 2000,
    createdAt: bj('2024-11-18', '08:55:02'),
    logistics: { trackingNo: 'YT7512093846120', courier: '圆通速递' },
  },
  {
    id: O.delivered2,
    status: 'delivered',
    goods: 'towel',
    quantity: 2,
    shippingFeeFen: 600,
    createdAt: bj('2024-11-17', '19:30:46'),
    logistics: { trackingNo: '78829304718265', courier: '中通快递' },
  },
  {
    id: O.completed,
    status: 'completed',
    goods: 'shoes',
    createdAt: bj('2024-11-02', '21:14:38'),
    logistics: { trackingNo: 'SF1387265091834', courier: '顺丰速运' },
  },
  {
    id: O.completed2,
    status: 'completed',
    goods: 'nuts',
    discountFen: 1000,
    createdAt: bj('2024-10-28', '12:02:11'),
    logistics: { trackingNo: 'YT7493820174653', courier: '圆通速递' },
  },
  {
    id: O.refunding,
    status: 'refunding',
    goods: 'downJacket',
    createdAt: bj('2024-11-13', '10:19:27'),
    logistics: { trackingNo: '78837465920183', courier: '中通快递' },
  },
  {
    id: O.refundingApproved,
    status: 'refunding',
    goods: 'liangpi',
    shippingFeeFen: 800,
    createdAt: bj('2024-11-15', '17:44:50'),
    logistics: { trackingNo: 'YT7520183746592', courier: '圆通速递' },
  },
  {
    id: O.refundingConfirmed,
    status: 'refunding',
    goods: 'cup',
    createdAt: bj('2024-11-09', '09:38:14'),
    logistics: { trackingNo: 'SF1429384756102', courier: '顺丰速运' },
  },
  {
    id: O.refunded,
    status: 'refunded',
    goods: 'handCream',
    createdAt: bj('2024-11-06', '15:27:03'),
    logistics: { trackingNo: '78810293847561', courier: '中通快递' },
  },
  {
    id: O.refunded2,
    status: 'refunded',
    goods: 'nuts',
    discountFen: 1000,
    createdAt: bj('2024-11-01', '22:05:59'),
    logistics: { trackingNo: 'YT7465738291046', courier: '圆通速递' },
  },
  { id: O.closed, status: 'closed', goods: 'gingerTea', createdAt: bj('2024-11-05', '07:51:36'), neverPaid: true },
  { id: O.closed2, status: 'closed', goods: 'bedding', createdAt: bj('2024-11-03', '18:16:42') },
  {
    id: O.withRejectedRefund,
    status: 'delivered',
    goods: 'shoes',
    createdAt: bj('2024-11-10', '13:09:25'),
    logistics: { trackingNo: 'SF1392837465019', courier: '顺丰速运' },
  },
  {
    id: O.withFailedRefund,
    status: 'completed',
    goods: 'band',
    createdAt: bj('2024-11-04', '11:33:48'),
    logistics: { trackingNo: '78847561029384', courier: '中通快递' },
  },
];

interface RefundDraft {
  id: string;
  orderId: string;
  refundType: RefundType;
  reasonText: string;
  remark: string;
  files: string[];
  /** The path the application took, after `reviewing`, with hours after the application. */
  path: [RefundStatus, number][];
  createdAt: number;
  trackingNo?: string;
  courier?: string;
  note?: string;
  /** The order's status before the application. */
  before: OrderStatus;
  amountFen?: number;
}

const REFUND_DRAFTS: RefundDraft[] = [
  {
    id: R.reviewing,
    orderId: O.refunding,
    refundType: 'return-refund',
    reasonText: '质量问题',
    remark: '羽绒服拉链头断裂，无法正常拉合，已拍照，买家已寄回。',
    files: ['订单截图.png', '拉链细节1.jpg', '拉链细节2.jpg'],
    trackingNo: '78819283746501',
    courier: '中通快递',
    path: [],
    createdAt: bj('2024-11-20', '09:15:22'),
    before: 'delivered',
  },
  {
    id: R.approved,
    orderId: O.refundingApproved,
    refundType: 'refund-only',
    reasonText: '商品破损/污渍',
    remark: '包装破损，部分面皮漏液，买家不退货，协商仅退款。',
    files: ['破损照片.jpg'],
    path: [['approved', 5]],
    createdAt: bj('2024-11-19', '10:02:41'),
    before: 'shipped',
  },
  {
    id: R.confirmed,
    orderId: O.refundingConfirmed,
    refundType: 'return-refund',
    reasonText: '不想要了/七天无理由退货',
    remark: '买家七天无理由退货，商品已寄回并验收完好。',
    files: ['订单截图.png', '退回商品.jpg'],
    trackingNo: 'YT7501928374650',
    courier: '圆通速递',
    path: [
      ['approved', 6],
      ['confirmed', 8],
    ],
    createdAt: bj('2024-11-16', '14:40:09'),
    before: 'delivered',
  },
  {
    id: R.refunded,
    orderId: O.refunded,
    refundType: 'refund-only',
    reasonText: '少件/漏发',
    remark: '礼盒应为5支，实际收到4支，少发1支。',
    files: ['开箱照片.jpg'],
    path: [
      ['approved', 3],
      ['confirmed', 4],
      ['refunded', 20],
    ],
    createdAt: bj('2024-11-12', '16:21:57'),
    before: 'delivered',
    amountFen: 4990,
  },
  {
    id: R.refunded2,
    orderId: O.refunded2,
    refundType: 'return-refund',
    reasonText: '质量问题',
    remark: '多袋坚果受潮变软，买家已退回。',
    files: ['订单截图.png', '受潮照片.jpg'],
    trackingNo: 'SF1475638291046',
    courier: '顺丰速运',
    path: [
      ['approved', 10],
      ['confirmed', 11],
      ['refunded', 30],
    ],
    createdAt: bj('2024-11-10', '08:47:13'),
    before: 'completed',
  },
  {
    id: R.rejected,
    orderId: O.withRejectedRefund,
    refundType: 'return-refund',
    reasonText: '商品与描述不符',
    remark: '鞋码偏小。',
    files: [],
    path: [['rejected', 26]],
    createdAt: bj('2024-11-15', '19:58:30'),
    before: 'delivered',
    note: '未提供商品照片及退货物流信息，凭证不足，请补充后重新提交。',
  },
  {
    id: R.failed,
    orderId: O.withFailedRefund,
    refundType: 'refund-only',
    reasonText: '质量问题',
    remark: '手环无法充电，买家要求仅退款。',
    files: ['故障视频.mp4'],
    path: [
      ['approved', 4],
      ['confirmed', 5],
      ['failed', 30],
    ],
    createdAt: bj('2024-11-14', '12:11:05'),
    before: 'completed',
    note: '买家原支付账户异常，退款失败，请联系平台客服处理。',
  },
];

function makeRefund(d: RefundDraft, order: Order): Refund {
  const history: RefundEvent[] = [{ status: 'reviewing', at: d.createdAt }];
  for (const [status, hours] of d.path) history.push({ status, at: d.createdAt + hours * HOUR });
  const last = history[history.length - 1];
  return {
    id: d.id,
    orderId: d.orderId,
    refundType: d.refundType,
    reasonText: d.reasonText,
    amountFen: d.amountFen ?? order.paidFen,
    remark: d.remark,
    trackingNo: d.trackingNo ?? '',
    courier: d.courier ?? '',
    files: d.files,
    status: last.status,
    createdAt: d.createdAt,
    updatedAt: last.at,
    history,
    note: d.note,
    orderStatusBefore: d.before,
  };
}

const EXTRA_PATHS: [RefundStatus, OrderStatus][] = [
  ['refunded', 'refunded'],
  ['reviewing', 'refunding'],
  ['approved', 'refunding'],
  ['confirmed', 'refunding'],
  ['refunded', 'refunded'],
  ['rejected', 'delivered'],
  ['failed', 'completed'],
  ['refunded', 'refunded'],
];
const EXTRA_GOODS = Object.keys(GOODS) as GoodsKey[];
const EXTRA_REASONS = ['质量问题', '商品与描述不符', '卖家发错货', '少件/漏发', '不想要了/七天无理由退货', '未收到货'];
const COURIERS = ['顺丰速运', '中通快递', '圆通速递', '韵达快递', '申通快递'];

/** Generated rows for the list benchmark: September 2024, so they list after the seed rows. */
function makeExtra(n: number): { orders: Order[]; refunds: Refund[] } {
  const orders: Order[] = [];
  const refunds: Refund[] = [];
  const base = bj('2024-09-30', '23:00:00');
  for (let i = 0; i < n; i++) {
    const createdAt = base - i * 37 * 60_000;
    const day = new Date(createdAt + 8 * HOUR).toISOString().slice(0, 10).replace(/-/g, '');
    const orderId = `${day.slice(2)}${String(9_000_000_000 - i * 7919).padStart(10, '0')}`;
    const [status, orderStatus] = EXTRA_PATHS[i % EXTRA_PATHS.length];
    const goods = EXTRA_GOODS[i % EXTRA_GOODS.length];
    const shipped = i % 5 !== 0;
    const courier = COURIERS[i % COURIERS.length];
    const order = makeOrder(
      {
        id: orderId,
        status: orderStatus,
        goods,
        discountFen: i % 3 === 0 ? 500 : 0,
        createdAt: createdAt - 30 * HOUR,
        logistics: shipped ? { trackingNo: `YD${String(4_310_000_000_000 + i * 131).padStart(13, '0')}`, courier } : undefined,
      },
      i,
    );
    order.generated = true;
    orders.push(order);
    const path: [RefundStatus, number][] =
      status === 'reviewing'
        ? []
        : status === 'rejected'
          ? [['rejected', 20]]
          : status === 'approved'
            ? [['approved', 6]]
            : status === 'confirmed'
              ? [
                  ['approved', 6],
                  ['confirmed', 7],
                ]
              : [
                  ['approved', 6],
                  ['confirmed', 7],
                  [status, 24],
                ];
    const returnRefund = shipped && i % 2 === 0;
    const refund = makeRefund(
      {
        id: `1${day}${String(10_000 + i)}`,
        orderId,
        refundType: returnRefund ? 'return-refund' : 'refund-only',
        reasonText: EXTRA_REASONS[i % EXTRA_REASONS.length],
        remark: '',
        files: [],
        path,
        createdAt,
        trackingNo: returnRefund ? order.logistics?.trackingNo : undefined,
        courier: returnRefund ? courier : undefined,
        before: shipped ? 'delivered' : 'unshipped',
      },
      order,
    );
    refunds.push(refund);
  }
  return { orders, refunds };
}

const V = SEED.variants;
const VARIANT_ORDERS: (OrderDraft & { discountLines?: Order['discountLines'] })[] = [
  {
    id: V.orders.couponLabel,
    status: 'shipped',
    goods: 'band',
    discountFen: 1500,
    discountLines: [{ label: '主播专享券', fen: 1500 }],
    createdAt: bj('2024-11-23', '15:02:41'),
    logistics: { trackingNo: 'SF1451827364590', courier: '顺丰速运' },
  },
  {
    id: V.orders.twoAfterSales,
    status: 'refunding',
    goods: 'coat',
    createdAt: bj('2024-11-14', '10:41:07'),
    logistics: { trackingNo: '78851627384910', courier: '中通快递' },
  },
  {
    id: V.orders.intervening,
    status: 'refunding',
    goods: 'nuts',
    createdAt: bj('2024-11-12', '09:20:33'),
    logistics: { trackingNo: 'YT7538291046571', courier: '圆通速递' },
  },
  {
    id: V.orders.closed,
    status: 'completed',
    goods: 'cup',
    createdAt: bj('2024-11-06', '18:55:12'),
    logistics: { trackingNo: 'SF1462738491025', courier: '顺丰速运' },
  },
];
const VARIANT_REFUNDS: RefundDraft[] = [
  {
    id: V.refunds.firstRejected,
    orderId: V.orders.twoAfterSales,
    refundType: 'refund-only',
    reasonText: '质量问题',
    remark: '外套起球。',
    files: [],
    path: [['rejected', 20]],
    createdAt: bj('2024-11-19', '08:12:44'),
    before: 'delivered',
    note: '未提供商品照片，凭证不足，请补充后重新提交。',
  },
  {
    id: V.refunds.second,
    orderId: V.orders.twoAfterSales,
    refundType: 'refund-only',
    reasonText: '质量问题',
    remark: '外套起球严重，已补充照片。',
    files: ['起球照片1.jpg', '起球照片2.jpg'],
    path: [],
    createdAt: bj('2024-11-21', '11:30:02'),
    before: 'delivered',
  },
  {
    id: V.refunds.intervening,
    orderId: V.orders.intervening,
    refundType: 'return-refund',
    reasonText: '商品与描述不符',
    remark: '买家申请平台介入。',
    files: ['聊天记录.png'],
    trackingNo: 'YT7538291046999',
    courier: '圆通速递',
    path: [['intervening', 30]],
    createdAt: bj('2024-11-18', '13:05:51'),
    before: 'delivered',
  },
  {
    id: V.refunds.closed,
    orderId: V.orders.closed,
    refundType: 'refund-only',
    reasonText: '不想要了/七天无理由退货',
    remark: '买家撤销申请。',
    files: [],
    path: [['closed', 6]],
    createdAt: bj('2024-11-13', '20:18:36'),
    before: 'completed',
  },
];

/** Generated after-sale ids have 5 digits of sequence. */
const MAX_EXTRA = 50_000;

/** A fresh copy of the seed (plus `extraRefunds` generated rows). */
export function createSeed(opts: SeedOptions = {}): { orders: Order[]; refunds: Refund[] } {
  const drafts = opts.variants ? [...ORDER_DRAFTS, ...VARIANT_ORDERS] : ORDER_DRAFTS;
  const orders = drafts.map(makeOrder);
  const byId = new Map(orders.map((o) => [o.id, o]));
  const refunds = (opts.variants ? [...REFUND_DRAFTS, ...VARIANT_REFUNDS] : REFUND_DRAFTS).map((d) => makeRefund(d, byId.get(d.orderId)!));
  const extra = makeExtra(Math.min(MAX_EXTRA, Math.max(0, Math.floor(opts.extraRefunds ?? 0))));
  return { orders: [...orders, ...extra.orders], refunds: [...refunds, ...extra.refunds] };
}
