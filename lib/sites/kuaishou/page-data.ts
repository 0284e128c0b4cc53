/*
 * The back office's own data: the JSON its pages already load from their own origin.
 * We never send a request; the main-world script (entrypoints/page-data.content.ts) observes the
 * page's responses to the endpoints below and hands on only the fields listed here, validated.
 * The panel's side validates again with the same functions: whatever arrives from the page's
 * world is page text (the page can forge it), never trusted beyond what the DOM on screen says.
 *
 * Imported by the main-world script, which every back-office page parses: plain functions, no
 * zod, nothing else imported.
 */

/** The event the main world dispatches on `document` (detail: a JSON string of a PageData). */
export const PAGE_DATA_EVENT = 'refund-helper:page-data';

export type PageDataKind = 'refunds' | 'order';

/**
 * The endpoints, by a stable stem of their path: matched loosely, so a version suffix (`/v2`,
 * `/v3`), a query or a prefix does not break it.
 */
const ENDPOINTS: ReadonlyArray<[PageDataKind, RegExp]> = [
  ['refunds', /\/rest\/pc\/aftersales\/schema\/refund\/list\/pagination(?:\/v\d+)?\/?(?:[?#]|$)/],
  ['order', /\/rest\/app\/tts\/ks\/seller\/order\/query(?:\/v\d+)?\/?(?:[?#]|$)/],
];

/** Which endpoint a request URL is, if any (a string test, no URL parsing: this runs on every request). */
export function endpointOf(url: string): PageDataKind | undefined {
  if (url.indexOf('/rest/') < 0) return undefined;
  for (const [kind, re] of ENDPOINTS) if (re.test(url)) return kind;
  return undefined;
}

/** One after-sale as the refund list's JSON has it, only the fields we use. Money in 分. */
export interface PageRefund {
  refundId: string;
  orderId: string;
  /** 1 退货退款, 10 仅退款. */
  handlingWay?: number;
  refundFee?: number;
  /** The after-sale status code, 10–70. */
  status?: number;
  negotiateStatus?: number;
  /** The merchant's processing deadline (epoch ms). */
  expireTime?: number;
  createTime?: number;
}

/** The order query's answer, only what the panel uses. Money in 分. */
export interface PageOrder {
  oid: string;
  /** The first goods line's title (the product, never the buyer), at most 200 characters. */
  itemTitle?: string;
  buyerPay?: number;
  totalFee?: number;
  discountFee?: number;
}

export type PageData = { kind: 'refunds'; refunds: PageRefund[] } | { kind: 'order'; order: PageOrder };

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => !!x && typeof x === 'object' && !Array.isArray(x);

/** An order or after-sale number: digits (a number or a string), at most 32. */
function id(x: unknown): string | undefined {
  const s = typeof x === 'number' && Number.isSafeInteger(x) && x >= 0 ? String(x) : x;
  return typeof s === 'string' && /^\d{1,32}$/.test(s) ? s : undefined;
}
/** An amount in 分 or a code: a whole number in range. */
function int(x: unknown, max: number): number | undefined {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0 && x <= max ? x : undefined;
}
/** A time the back office can mean: 2000 … 2100, in ms (a value in seconds is taken as such). */
function time(x: unknown): number | undefined {
  if (typeof x !== 'number' || !Number.isFinite(x)) return undefined;
  const ms = x < 1e11 ? x * 1000 : x;
  return ms >= 946_684_800_000 && ms < 4_102_444_800_000 ? Math.round(ms) : undefined;
}
const MONEY = 1e12;
/** A product title: a string, whitespace folded, at most 200 characters; else nothing. */
function title(x: unknown): string | undefined {
  const t = typeof x === 'string' ? x.replace(/\s+/g, ' ').trim().slice(0, 200) : '';
  return t || undefined;
}

/** Copies only the defined values (the result carries no key the page sent that we did not pick). */
function defined<T extends Obj>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

function pickRefund(r: unknown): PageRefund | undefined {
  if (!isObj(r)) return undefined;
  const refundId = id(r.refundId);
  const orderId = id(r.orderId);
  if (!refundId || !orderId) return undefined;
  return defined({
    refundId,
    orderId,
    handlingWay: int(r.handlingWay, 99),
    refundFee: int(r.refundFee, MONEY),
    status: int(r.status ?? r.refundStatus, 999),
    negotiateStatus: int(r.negotiateStatus, 99),
    expireTime: time(r.expireTime),
    createTime: time(r.createTime),
  });
}

/** `{ result: 1, data }` (the platform's envelope) or the data itself. */
function payload(json: unknown): Obj | undefined {
  if (!isObj(json)) return undefined;
  if ('result' in json) return json.result === 1 && isObj(json.data) ? json.data : undefined;
  return json;
}

const MAX_ROWS = 2000;

/**
 * What we keep of a response (or of what the main world handed on): the listed fields, each
 * validated; an entry that is not an after-sale of the right shape is dropped, a response of
 * another shape is nothing. Never a buyer's name, phone or address: they are not in the lists.
 */
export function pickPageData(kind: unknown, json: unknown): PageData | undefined {
  const data = payload(json);
  if (!data) return undefined;
  if (kind === 'refunds') {
    const list = Array.isArray(data.resultList) ? data.resultList : Array.isArray(data.refunds) ? data.refunds : undefined;
    if (!list) return undefined;
    const refunds: PageRefund[] = [];
    for (const r of list.slice(0, MAX_ROWS)) {
      const picked = pickRefund(r);
      if (picked) refunds.push(picked);
    }
    return { kind, refunds };
  }
  if (kind === 'order') {
    const o = isObj(data.order) ? data.order : data;
    const oid = id(o.oid ?? o.orderId);
    if (!oid) return undefined;
    const first = Array.isArray(o.itemList) && isObj(o.itemList[0]) ? o.itemList[0] : undefined;
    return {
      kind,
      order: defined({
        oid,
        // (the main world's hand-over has it picked already)
        itemTitle: title(first ? first.itemTitle : o.itemTitle),
        buyerPay: int(o.buyerPay, MONEY),
        totalFee: int(o.totalFee, MONEY),
        discountFee: int(o.discountFee, MONEY),
      }),
    };
  }
  return undefined;
}
