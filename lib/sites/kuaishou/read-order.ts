/**
 * Reading the Kuaishou merchant back office (快手小店): one order (detail, refund form, refund
 * detail); the lists are read-lists.ts. Labels and status texts (SiteTexts, editable by the
 * merchant) drive every read. Buyer name, phone and address are never read: no label of theirs is
 * ever looked up.
 */
import { localText } from '../../i18n';
import { formatFen } from '../../money';
import type { OrderSnapshot, OrderStatus, PageKind, SnapshotField } from '../../order';
import type { ReadResult } from '../adapter';
import { labelIndex, type FindOptions, type LabelHit } from '../dom/labels';
import { dataOf, matchText, normalizeText, textOf } from '../dom/text';
import type { ReadField, SiteTexts } from '../texts';
import { pathOf, PATHS } from './routes';
import { pageKind } from './pages';
import { labelList, longValue, parseChinaTime, parseId, parsePageMoney } from './values';

/** Query parameters that carry ids on these routes (a fallback when the page does not print them). */
const ORDER_ID_PARAMS = ['orderId', 'oid', 'order_id', 'orderNo'];
const AFTER_SALE_ID_PARAMS = ['refundId', 'afterSaleId', 'aftersaleId', 'refund_id', 'after_sale_id'];
/**
 * The order / after-sale number the URL names, if any, and whether it is a bare `id` (the order on
 * the order detail and apply routes, the after-sale on refund detail).
 */
function idFromUrl(url: URL, field: 'orderId' | 'afterSaleId'): [string | undefined, boolean] {
  const q = (p: string) => parseId(url.searchParams.get(p) ?? undefined);
  const named = (field === 'orderId' ? ORDER_ID_PARAMS : AFTER_SALE_ID_PARAMS).map(q).find(Boolean);
  const path = pathOf(url);
  const bare = field === 'orderId' ? path === PATHS.orderDetail || path === PATHS.refundApply : path === PATHS.refundDetail;
  return named ? [named, false] : [bare ? q('id') : undefined, true];
}

type Expectation = Partial<Record<SnapshotField, boolean>>;

/** Which fields a page kind is expected to show (only those are reported missing). */
function expected(kind: PageKind | undefined, status: OrderStatus | undefined): Expectation {
  const shipped = status === 'shipped' || status === 'delivered' || status === 'completed';
  switch (kind) {
    case 'order-detail':
      return { orderId: true, status: true, paidAmount: true, trackingNo: shipped, courier: shipped };
    case 'refund-form':
      return { orderId: true, paidAmount: true };
    case 'refund-detail':
      return { orderId: true, afterSaleId: true, refundAmount: true, refundType: true };
    default:
      return { orderId: true };
  }
}

/** The values seen, quoted in a reason (zh-CN, en): each cut to 40 characters, at most 3 listed. */
function quoteValues(values: readonly string[]): [string, string] {
  const q = values.slice(0, 3).map((v) => (v.length > 40 ? v.slice(0, 40) + '…' : v));
  return [q.join('、'), q.join(', ')];
}

/** The same facts in other words compare equal: "2412 复制" and "2412", "¥8" and "8.00", 已发货 and 待收货. */
function canonicalId(v: string): string {
  return (parseId(v) ?? normalizeText(v)).toUpperCase();
}

/** The refund form's own inputs (退款金额, 物流单号, …) are the merchant's draft, read by readForm; the snapshot holds what the page states. */
const FACTS: FindOptions = { skipFormValues: true };

export function readOrder(doc: Document, texts: SiteTexts, url: URL, now: number): ReadResult {
  const root = doc.body ?? doc;
  // One walk over the page's text finds every label this read can ask for (and pageKind's 退款原因).
  const index = labelIndex(root, [...Object.values(texts.labels), texts.formLabels.reason]);
  const kind = pageKind(url, doc, texts, index);
  const snap: Partial<OrderSnapshot> & { missing: OrderSnapshot['missing'] } = { missing: [] };
  const computed: ReadResult['computed'] = [];
  const conflicts: NonNullable<ReadResult['conflicts']> = [];
  /** Field → why it is not in the snapshot (not found / unreadable). */
  const problems = new Map<SnapshotField, string>();
  /** Fields whose label is not on the page at all (as opposed to found but unreadable). */
  const absent = new Set<SnapshotField>();
  const notFound = (f: SnapshotField, labels: readonly string[] | undefined) => {
    absent.add(f);
    problems.set(f, `未找到「${labelList(labels)}」`);
  };
  /** The label is there, its value is not what the field holds. */
  const bad = (f: SnapshotField, hit: LabelHit, what: string) => problems.set(f, `「${hit.matched}」的值「${hit.value.slice(0, 40)}」${what}`);

  /** The page contradicts itself (or the URL): the field is not read, and the reason says so. */
  const conflict = (f: ReadField, hits: readonly LabelHit[], urlId?: string) => {
    const n = hits.length;
    const names = [...new Set(hits.map((h) => h.matched))].join(' / ');
    const values = hits.map((h) => h.value);
    const [zh, en] = quoteValues(values);
    // The snapshot's problem is in Chinese whatever the UI's language; the panel shows `reason`.
    const inChinese =
      n > 1
        ? `页面上有 ${n} 个不同的「${names}」：${zh}` + (urlId ? `；网址中的编号为 ${urlId}` : '')
        : `页面上的「${names}」${zh} 与网址中的编号 ${urlId} 不一致`;
    const reason = localText(
      inChinese,
      n > 1
        ? `The page shows ${n} different "${names}": ${en}` + (urlId ? `; the address says ${urlId}` : '')
        : `The page's "${names}" ${en} differs from the number in the address, ${urlId}`,
    );
    conflicts.push({ field: f, values, reason });
    if (isSnapshotField(f)) problems.set(f, inChinese);
  };

  /**
   * A field's label on the page: its hit, `undefined` when the label is absent, `null` when the
   * label occurs with different values (compared by `canon`; identical duplicates are fine): then
   * the conflict is recorded and nothing is read. `synonyms`: every label text of the field counts
   * (ids: 订单号 and 订单编号 name the same number); otherwise one label text's occurrences.
   */
  const read = (
    f: keyof SiteTexts['labels'],
    canon: (v: string) => string = normalizeText,
    opts: { synonyms?: boolean; urlId?: string } = {},
  ): LabelHit | undefined | null => {
    const labels = texts.labels[f];
    if (!labels?.length) return undefined;
    const hits = index.every(labels, FACTS, opts.synonyms);
    if (!hits.length) return undefined;
    const distinct = new Map<string, LabelHit>();
    for (const h of hits) {
      const c = canon(h.value);
      if (!distinct.has(c)) distinct.set(c, h);
    }
    if (distinct.size > 1) {
      conflict(f, [...distinct.values()], opts.urlId);
      return null;
    }
    // Labels in priority order: what `find` gives (the same value, by now).
    return opts.synonyms ? index.find(labels, FACTS) : hits[0];
  };

  // Ids: printed on the page, else the URL's query. A page number the URL contradicts is not read.
  /** A bare `?id=` stands in for a number the page does not print only once the page shows the order (not while it renders). */
  const bareIds: Array<['orderId' | 'afterSaleId', string]> = [];
  for (const f of ['orderId', 'afterSaleId'] as const) {
    const [fromUrl, bare] = idFromUrl(url, f);
    const hit = read(f, canonicalId, { synonyms: true, urlId: fromUrl });
    if (hit === null) continue;
    const fromPage = parseId(hit?.value);
    if (fromPage) {
      if (fromUrl && fromPage.toUpperCase() !== fromUrl.toUpperCase()) conflict(f, [hit!], fromUrl);
      else snap[f] = fromPage;
    } else if (!hit && fromUrl && !bare) snap[f] = fromUrl;
    else if (hit) bad(f, hit, '不是有效的编号');
    else {
      notFound(f, texts.labels[f]);
      if (fromUrl) bareIds.push([f, fromUrl]);
    }
  }

  /**
   * A field holding one value: `parse` gives it, or undefined when the value is not what the
   * field holds (`why`). Duplicates compare as parsed (`canon`). Returns the hit (null: conflict).
   */
  const one = (
    f: 'status' | 'paymentMethod' | 'trackingNo' | 'courier' | 'refundType',
    parse: (v: string) => string | undefined,
    why = '',
    canon = (v: string) => parse(v) ?? v,
  ) => {
    const hit = read(f, canon);
    if (hit === undefined) notFound(f, texts.labels[f]);
    else if (hit) {
      const v = parse(hit.value);
      if (v === undefined) bad(f, hit, why);
      else (snap as Record<string, unknown>)[f] = v;
    }
    return hit;
  };

  // Order status: the page's words kept as read.
  const statusHit = one('status', (v) => matchText(v, texts.orderStatusTexts), '不是已知的订单状态');
  if (statusHit) snap.statusText = statusHit.value.slice(0, 200);

  // Money.
  const moneyFields = ['goodsTotal', 'discount', 'shippingFee', 'paidAmount', 'refundAmount'] as const;
  const free = (t: string) => /^(免运费|包邮|免邮|卖家包邮)/.test(t);
  const fen = (f: (typeof moneyFields)[number]) => (v: string) => {
    if (f === 'shippingFee' && free(v)) return '0';
    const r = parsePageMoney(v);
    return r.ok ? String(f === 'discount' ? Math.abs(r.fen) : r.fen) : v;
  };
  for (const f of moneyFields) {
    const hit = read(f, fen(f));
    if (hit === null) continue;
    if (!hit) {
      notFound(f, texts.labels[f]);
      continue;
    }
    const text = hit.value;
    if (f === 'shippingFee' && free(text)) {
      snap.shippingFee = 0;
      continue;
    }
    const r = parsePageMoney(text);
    if (!r.ok) {
      // both locales: parsePageMoney's reasons are literals (lib/money.ts), never stripped.
      bad(f, hit, `无法识别为金额：${r.reason['zh-CN']}`);
      continue;
    }
    // Discounts are printed "-¥30.00"; stored positive.
    snap[f] = f === 'discount' ? Math.abs(r.fen) : r.fen;
    if (f !== 'discount' && r.fen < 0) {
      delete snap[f];
      bad(f, hit, '是负数');
    }
  }

  // 实付 not printed: goods − discount + shipping, only when every line of the price breakdown is
  // understood: no amount in it under a label we do not know (a 主播专享券 line), nor under a second
  // discount label (which discounts add up is not ours to guess). A 实付 that is printed but
  // unreadable stays missing: the page said something we do not understand.
  if (absent.has('paidAmount') && snap.goodsTotal !== undefined && snap.discount !== undefined && snap.shippingFee !== undefined) {
    const stray = strayAmounts(moneyFields.flatMap((f) => index.every(texts.labels[f] ?? [], FACTS, f !== 'discount')));
    const paid = snap.goodsTotal - snap.discount + snap.shippingFee;
    if (stray.length) {
      problems.set('paidAmount', `未找到「${labelList(texts.labels.paidAmount)}」，且价格明细中有未能计入的项目（${stray.join('、')}），无法计算实付`);
    } else if (paid >= 0) {
      snap.paidAmount = paid;
      problems.delete('paidAmount');
      computed.push({
        field: 'paidAmount',
        reason: localText(
          `页面未显示实付款，按 商品总价 ${formatFen(snap.goodsTotal)} − 优惠 ${formatFen(snap.discount)} + 运费 ${formatFen(snap.shippingFee)} 计算`,
          `The page shows no amount paid; computed as goods ${formatFen(snap.goodsTotal)} − discount ${formatFen(snap.discount)} + shipping ${formatFen(snap.shippingFee)}`,
        ),
      });
    }
  }

  one('paymentMethod', (v) => v.slice(0, 100));
  one('trackingNo', parseId, '不是有效的单号', canonicalId);
  one('courier', (v) => v.slice(0, 64));
  one('refundType', (v) => matchText(v, texts.refundTypeTexts), '不是已知的售后类型');

  // After-sale status (refund pages). Two different ones on the page: none is reported.
  const result: ReadResult = { snapshot: snap as OrderSnapshot, computed };
  const as = read('afterSaleStatus', (v) => matchText(v, texts.afterSaleStatusTexts) ?? v);
  if (as) {
    result.afterSaleStatusText = as.value;
    const s = matchText(as.value, texts.afterSaleStatusTexts);
    if (s) result.afterSaleStatus = s;
  }
  // The page of one after-sale: the platform's comment on it and when it was applied for (elsewhere
  // such labels may belong to another after-sale of the order).
  if (kind === 'refund-detail') {
    const comment = read('platformComment');
    if (comment) result.comment = longValue(comment, MAX_COMMENT);
    const applied = read('appliedAt', (v) => String(parseChinaTime(v) ?? v));
    const at = applied ? parseChinaTime(applied.value) : undefined;
    if (at !== undefined) result.appliedAt = at;
  }

  if (snap.statusText || snap.paidAmount !== undefined || snap.refundAmount !== undefined) {
    for (const [f, id] of bareIds) {
      snap[f] = id;
      problems.delete(f);
    }
  }

  const exp = expected(kind, snap.status);
  for (const [field, reason] of problems) {
    if (exp[field]) snap.missing.push({ field, reason });
  }
  snap.url = url.href.slice(0, 2048);
  snap.readAt = now;
  if (conflicts.length) result.conflicts = conflicts;
  return result;
}

const isSnapshotField = (f: ReadField): f is SnapshotField => f !== 'afterSaleStatus' && f !== 'platformComment' && f !== 'appliedAt';

/** The platform's comment is kept up to this many characters. */
const MAX_COMMENT = 500;

/**
 * Amounts in the price breakdown (the smallest element holding every money line read, `hits`)
 * that none of those lines holds: lines under labels we do not know, quoted with the text before
 * them ("主播专享券 -¥15.00"), at most 3. An amount is a text with ¥ / 元 or two decimals.
 */
function strayAmounts(hits: readonly LabelHit[]): string[] {
  const els = hits.flatMap((h) => (h.label ? [h.element, h.label] : [h.element]));
  let box = els[0]?.parentElement;
  while (box && !els.every((e) => box!.contains(e))) box = box.parentElement;
  const out: string[] = [];
  if (!box) return out;
  const walker = box.ownerDocument.createTreeWalker(box, 4 /* SHOW_TEXT */);
  for (let n: Node | null; (n = walker.nextNode()) && out.length < 3; ) {
    const text = normalizeText(dataOf(n as Text, 60));
    if (!/[¥￥元]|\d\.\d\d/.test(text) || els.some((e) => e.contains(n))) continue;
    const before = n.parentElement?.previousElementSibling;
    out.push(((before ? textOf(before, 20) + ' ' : '') + text).trim());
  }
  return out;
}
