/**
 * The demo back office's state: orders and refund applications in memory, and the rules the
 * platform applies to them (who may apply, which review step may follow which).
 */
import { createSeed, type Order, type OrderStatus, type Refund, type RefundStatus, type RefundType, type SeedOptions } from './seed';

export const ORDER_STATUS_TEXT: Record<OrderStatus, string> = {
  unpaid: '待付款',
  unshipped: '待发货',
  shipped: '已发货',
  delivered: '已签收',
  completed: '交易成功',
  refunding: '售后中',
  refunded: '已退款',
  closed: '已关闭',
};

export const REFUND_STATUS_TEXT: Record<RefundStatus, string> = {
  reviewing: '待审核',
  approved: '审核通过',
  confirmed: '退款执行中',
  refunded: '退款成功',
  rejected: '审核不通过',
  failed: '退款失败',
  intervening: '平台介入中',
  closed: '退款关闭',
};

/**
 * The platform's after-sale status code (the open platform's `status`) and `negotiateStatus`
 * for each of the demo's statuses. The demo's review (platform approves, the merchant confirms)
 * maps onto the codes loosely: 40 stands for "waiting for the merchant" (审核通过, 确认退款 due);
 * 70 ends three ways, told apart by negotiateStatus (3 rejected, 4 failed, 5 closed).
 */
export function platformStatus(r: Pick<Refund, 'status' | 'refundType'>): { status: number; negotiateStatus: number } {
  switch (r.status) {
    case 'reviewing':
      return { status: r.refundType === 'return-refund' ? 11 : 10, negotiateStatus: 1 };
    case 'intervening':
      return { status: 20, negotiateStatus: 1 };
    case 'approved':
      return { status: 40, negotiateStatus: 2 };
    case 'confirmed':
      return { status: 50, negotiateStatus: 2 };
    case 'refunded':
      return { status: 60, negotiateStatus: 2 };
    case 'rejected':
      return { status: 70, negotiateStatus: 3 };
    case 'failed':
      return { status: 70, negotiateStatus: 4 };
    case 'closed':
      return { status: 70, negotiateStatus: 5 };
  }
}

/** handlingWay: 1 退货退款, 10 仅退款. */
const HANDLING_WAY: Record<RefundType, number> = { 'return-refund': 1, 'refund-only': 10 };
/** What the merchant may do now (the list's `supportActions`). */
const SUPPORT_ACTIONS: Partial<Record<RefundStatus, string[]>> = {
  reviewing: ['contactService'],
  approved: ['confirmRefund', 'contactService'],
  confirmed: ['contactService'],
  failed: ['contactService'],
  intervening: ['contactService'],
};
/** The merchant's processing deadline after the last change (the list's `expireTime`). */
const EXPIRE_MS = 48 * 3_600_000;

export const REFUND_TYPE_TEXT: Record<RefundType, string> = {
  'refund-only': '仅退款',
  'return-refund': '退货退款',
};

/** Applications in these statuses block a new one for the same order. */
const OPEN_STATUSES: readonly RefundStatus[] = ['reviewing', 'approved', 'confirmed', 'intervening'];

export type ReviewAction = 'approve' | 'reject' | 'fail' | 'refund';
export const REVIEW_ACTIONS: readonly ReviewAction[] = ['approve', 'reject', 'fail', 'refund'];

/** A refusal with its HTTP status and a message for the merchant. */
export class SiteError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}

export interface RefundRef {
  id: string;
  status: RefundStatus;
  statusText: string;
}

export type OrderDto = Omit<Order, 'generated'> & {
  statusText: string;
  createdAtText: string;
  paidAtText?: string;
  shippedAtText?: string;
  /** The order's latest refund application. */
  refund?: RefundRef;
};

export type RefundDto = Omit<Refund, 'orderStatusBefore'> & {
  statusText: string;
  refundTypeText: string;
  createdAtText: string;
  updatedAtText: string;
  history: { status: RefundStatus; statusText: string; at: number; atText: string }[];
  goodsTitle: string;
  paidFen: number;
};

export type RefundDetailDto = RefundDto & { order: OrderDto };

export interface NewRefund {
  orderId: string;
  refundType: RefundType;
  reasonText: string;
  amountFen: number;
  remark: string;
  trackingNo: string;
  courier: string;
  files: string[];
}

/** "2024-11-08 14:23:05", Beijing time, as the back office prints times. */
export function formatTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** "¥1,299.00" */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

function paginate<T>(all: T[], page: number, pageSize: number): Page<T> {
  const size = Math.min(Math.max(1, pageSize), 5000);
  const lastPage = Math.max(1, Math.ceil(all.length / size));
  const p = Math.min(Math.max(1, page), lastPage);
  return { total: all.length, page: p, pageSize: size, items: all.slice((p - 1) * size, p * size) };
}

const COURIER_CODES: Record<string, string> = {
  顺丰速运: 'SF',
  中通快递: 'ZTO',
  圆通速递: 'YTO',
  韵达快递: 'YUNDA',
  申通快递: 'STO',
  极兔速递: 'JTSD',
  邮政EMS: 'EMS',
  京东快递: 'JD',
};

export class SiteStore {
  private orders = new Map<string, Order>();
  private refunds = new Map<string, Refund>();
  /** Order id → its applications, oldest first. */
  private refundsByOrder = new Map<string, Refund[]>();
  /** Sequence of new after-sale ids; survives reset so that an id is never handed out twice. */
  private sequence = 100;

  constructor(private readonly seedOptions: SeedOptions = {}) {
    this.reset();
  }

  reset(): void {
    const seed = createSeed(this.seedOptions);
    this.orders = new Map(seed.orders.map((o) => [o.id, o]));
    this.refunds = new Map();
    this.refundsByOrder = new Map();
    for (const r of seed.refunds) this.addRefund(r);
  }

  private addRefund(r: Refund): void {
    this.refunds.set(r.id, r);
    const list = this.refundsByOrder.get(r.orderId) ?? [];
    list.push(r);
    this.refundsByOrder.set(r.orderId, list);
  }

  // ---- orders

  listOrders(q: { status?: string; q?: string; page?: number; pageSize?: number }): Page<OrderDto> {
    const statuses = q.status ? new Set(q.status.split(',').filter(Boolean)) : undefined;
    const needle = (q.q ?? '').trim();
    const all = [...this.orders.values()]
      .filter((o) => (!statuses || statuses.has(o.status)) && (!needle || o.id.includes(needle)))
      .sort((a, b) => b.createdAt - a.createdAt);
    const page = paginate(all, q.page ?? 1, q.pageSize ?? 20);
    return { ...page, items: page.items.map((o) => this.orderDto(o)) };
  }

  getOrder(id: string): OrderDto {
    return this.orderDto(this.order(id, 404));
  }

  /** 取消订单: only before shipping. */
  cancelOrder(id: string): OrderDto {
    const order = this.order(id, 404);
    if (order.status !== 'unshipped' && order.status !== 'unpaid') {
      throw new SiteError(409, `订单${ORDER_STATUS_TEXT[order.status]}，不能取消`);
    }
    order.status = 'closed';
    return this.orderDto(order);
  }

  private order(id: string, missingStatus: number): Order {
    const order = this.orders.get(id);
    if (!order) throw new SiteError(missingStatus, `订单 ${id} 不存在`);
    return order;
  }

  private orderDto(o: Order): OrderDto {
    const { generated: _generated, ...rest } = o;
    const latest = this.refundsByOrder.get(o.id)?.at(-1);
    return {
      ...rest,
      statusText: ORDER_STATUS_TEXT[o.status],
      createdAtText: formatTime(o.createdAt),
      paidAtText: o.paidAt === undefined ? undefined : formatTime(o.paidAt),
      shippedAtText: o.shippedAt === undefined ? undefined : formatTime(o.shippedAt),
      refund: latest && { id: latest.id, status: latest.status, statusText: REFUND_STATUS_TEXT[latest.status] },
    };
  }

  // ---- refund applications

  listRefunds(q: { status?: string; page?: number; pageSize?: number }): Page<RefundDto> {
    const statuses = q.status ? new Set(q.status.split(',').filter(Boolean)) : undefined;
    const all = [...this.refunds.values()].filter((r) => !statuses || statuses.has(r.status)).sort((a, b) => b.createdAt - a.createdAt);
    const page = paginate(all, q.page ?? 1, q.pageSize ?? 20);
    return { ...page, items: page.items.map((r) => this.refundDto(r)) };
  }

  getRefund(id: string): RefundDetailDto {
    const r = this.refund(id);
    return { ...this.refundDto(r), order: this.orderDto(this.orders.get(r.orderId)!) };
  }

  private refund(id: string): Refund {
    const r = this.refunds.get(id);
    if (!r) throw new SiteError(404, `售后单 ${id} 不存在`);
    return r;
  }

  private refundDto(r: Refund): RefundDto {
    const { orderStatusBefore: _before, ...rest } = r;
    const order = this.orders.get(r.orderId)!;
    return {
      ...rest,
      files: [...r.files],
      statusText: REFUND_STATUS_TEXT[r.status],
      refundTypeText: REFUND_TYPE_TEXT[r.refundType],
      createdAtText: formatTime(r.createdAt),
      updatedAtText: formatTime(r.updatedAt),
      history: r.history.map((h) => ({ ...h, statusText: REFUND_STATUS_TEXT[h.status], atText: formatTime(h.at) })),
      goodsTitle: order.items[0]?.title ?? '',
      paidFen: order.paidFen,
    };
  }

  // ---- the platform's own endpoints (/rest/…), as public scripts show them

  /** `POST /rest/pc/aftersales/schema/refund/list/pagination`: `{ total, pageNum, pageSize, resultList }`. */
  refundListPage(body: unknown): { total: number; pageNum: number; pageSize: number; resultList: unknown[] } {
    const b = (typeof body === 'object' && body ? body : {}) as Record<string, unknown>;
    const int = (v: unknown, d: number) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : d);
    const tab = typeof b.tab === 'string' ? b.tab : '';
    const page = this.listRefunds({ status: tab, page: int(b.pageNum, 1), pageSize: int(b.pageSize, 20) });
    return {
      total: page.total,
      pageNum: page.page,
      pageSize: page.pageSize,
      resultList: page.items.map((r) => {
        const refund = this.refunds.get(r.id)!;
        const order = this.orders.get(r.orderId)!;
        return {
          refundId: r.id,
          orderId: r.orderId,
          handlingWay: HANDLING_WAY[r.refundType],
          refundFee: r.amountFen,
          ...platformStatus(refund),
          expressNo: r.trackingNo || order.logistics?.trackingNo || '',
          expressCompanyCode: COURIER_CODES[r.courier || order.logistics?.courier || ''] ?? '',
          supportActions: SUPPORT_ACTIONS[r.status] ?? [],
          expireTime: r.updatedAt + EXPIRE_MS,
          createTime: r.createdAt,
        };
      }),
    };
  }

  /** `POST /rest/app/tts/ks/seller/order/query/v2` `{ oid }`: the order, money in 分, buyer masked. */
  orderQuery(body: unknown): Record<string, unknown> {
    const oid = typeof body === 'object' && body && typeof (body as { oid?: unknown }).oid === 'string' ? (body as { oid: string }).oid : '';
    const o = this.order(oid, 404);
    return {
      oid: o.id,
      status: o.status,
      statusDesc: ORDER_STATUS_TEXT[o.status],
      createTime: o.createdAt,
      payTime: o.paidAt ?? null,
      sendTime: o.shippedAt ?? null,
      payType: o.paymentMethod ?? null,
      totalFee: o.goodsTotalFen,
      discountFee: o.discountFen,
      /** Discount lines under their own labels (a variant seed); absent: one line 优惠. */
      discountList: o.discountLines?.map((d) => ({ label: d.label, fee: d.fen })) ?? null,
      expressFee: o.shippingFeeFen,
      buyerPay: o.paidFen,
      itemList: o.items.map((i) => ({ itemTitle: i.title, skuDesc: i.spec, price: i.priceFen, num: i.quantity })),
      logistics: o.logistics ? { expressNo: o.logistics.trackingNo, expressCompany: o.logistics.courier } : null,
      buyerInfo: { name: o.buyer.name, mobile: o.buyer.phone, address: o.buyer.address },
      refundList: (this.refundsByOrder.get(o.id) ?? []).map((r) => ({
        refundId: r.id,
        status: r.status,
        statusText: REFUND_STATUS_TEXT[r.status],
        handlingWay: HANDLING_WAY[r.refundType],
        refundFee: r.amountFen,
        createTime: r.createdAt,
      })),
    };
  }

  /** 提交申请. Validates the body as the platform would; throws a SiteError with the reason. */
  createRefund(body: unknown, now: number): RefundDto {
    const input = parseNewRefund(body);
    const order = this.order(input.orderId, 400);
    if (order.status === 'unpaid') throw new SiteError(400, '订单尚未付款，无需申请退款');
    if (order.status === 'closed') throw new SiteError(400, '订单已关闭，无法申请退款');
    if (order.status === 'refunded') throw new SiteError(409, '该订单已退款，不能重复申请');
    const open = this.refundsByOrder.get(order.id)?.find((r) => OPEN_STATUSES.includes(r.status));
    if (open) {
      throw new SiteError(409, `该订单已有进行中的售后申请（售后单号 ${open.id}），请勿重复提交`);
    }
    if (order.status === 'unshipped' && input.refundType === 'return-refund') {
      throw new SiteError(400, '订单尚未发货，请选择“仅退款”');
    }
    if (input.amountFen > order.paidFen) {
      throw new SiteError(400, `退款金额不能超过实付款 ${formatYuan(order.paidFen)}`);
    }
    this.sequence += 1;
    const day = formatTime(now).slice(0, 10).replace(/-/g, '');
    const refund: Refund = {
      id: `1${day}${String(this.sequence).padStart(5, '0')}`,
      ...input,
      trackingNo: input.refundType === 'return-refund' ? input.trackingNo : '',
      courier: input.refundType === 'return-refund' ? input.courier : '',
      status: 'reviewing',
      createdAt: now,
      updatedAt: now,
      history: [{ status: 'reviewing', at: now }],
      orderStatusBefore: order.status,
    };
    this.addRefund(refund);
    order.status = 'refunding';
    return this.refundDto(refund);
  }

  /** 确认退款: the merchant confirms an approved application. */
  confirm(id: string, now: number): RefundDto {
    const r = this.refund(id);
    if (r.status !== 'approved') {
      throw new SiteError(409, `售后单当前状态为“${REFUND_STATUS_TEXT[r.status]}”，无需确认退款`);
    }
    this.move(r, 'confirmed', now);
    return this.refundDto(r);
  }

  /** The platform's review (the demo's simulator). */
  review(id: string, action: ReviewAction, now: number): RefundDto {
    const r = this.refund(id);
    const order = this.orders.get(r.orderId)!;
    const from: Record<ReviewAction, readonly RefundStatus[]> = {
      approve: ['reviewing'],
      reject: ['reviewing'],
      fail: ['approved', 'confirmed'],
      refund: ['approved', 'confirmed'],
    };
    if (!from[action].includes(r.status)) {
      throw new SiteError(409, `售后单当前状态为“${REFUND_STATUS_TEXT[r.status]}”，不能执行该操作`);
    }
    switch (action) {
      case 'approve':
        this.move(r, 'approved', now);
        break;
      case 'reject':
        this.move(r, 'rejected', now);
        r.note = '凭证不足：请补充商品照片、购买凭证等材料后重新提交。';
        order.status = r.orderStatusBefore;
        break;
      case 'fail':
        this.move(r, 'failed', now);
        r.note = '退款渠道异常，退款失败，请联系平台客服处理。';
        order.status = r.orderStatusBefore;
        break;
      case 'refund':
        this.move(r, 'refunded', now);
        order.status = 'refunded';
        break;
    }
    return this.refundDto(r);
  }

  private move(r: Refund, status: RefundStatus, now: number): void {
    r.status = status;
    r.updatedAt = now;
    r.history.push({ status, at: now });
  }
}

function parseNewRefund(body: unknown): NewRefund {
  if (typeof body !== 'object' || body === null) throw new SiteError(400, '请求格式错误');
  const b = body as Record<string, unknown>;
  const str = (v: unknown, max: number, what: string): string => {
    if (v === undefined || v === null) return '';
    if (typeof v !== 'string') throw new SiteError(400, `${what}格式错误`);
    if (v.length > max) throw new SiteError(400, `${what}不能超过 ${max} 个字`);
    return v.trim();
  };
  const orderId = str(b.orderId, 64, '订单编号');
  if (!orderId) throw new SiteError(400, '缺少订单编号');
  if (b.refundType !== 'refund-only' && b.refundType !== 'return-refund') {
    throw new SiteError(400, '请选择退款类型');
  }
  const reasonText = str(b.reasonText, 50, '退款原因');
  if (!reasonText) throw new SiteError(400, '请选择退款原因');
  const amountFen = b.amountFen;
  if (typeof amountFen !== 'number' || !Number.isInteger(amountFen) || amountFen <= 0) {
    throw new SiteError(400, '请输入正确的退款金额');
  }
  const files = b.files ?? [];
  if (!Array.isArray(files) || files.length > 20 || files.some((f) => typeof f !== 'string' || f.length > 200)) {
    throw new SiteError(400, '凭证格式错误（最多 20 个文件）');
  }
  return {
    orderId,
    refundType: b.refundType,
    reasonText,
    amountFen,
    remark: str(b.remark, 200, '备注说明'),
    trackingNo: str(b.trackingNo, 64, '物流单号'),
    courier: str(b.courier, 64, '快递公司'),
    files: files as string[],
  };
}
