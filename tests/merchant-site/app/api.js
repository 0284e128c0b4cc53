// The back office's JSON API. Errors carry the server's message for the merchant.
// Two generations, as on the real back office: the demo's REST-ish /api/* and the platform's own
// endpoints (/rest/…: POST, `{ result: 1, data }`, money in 分).

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function request(method, path, body) {
  let res;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, '网络异常，请检查网络后重试');
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, data.message || data.error_msg || `请求失败（${res.status}）`);
  return data;
}

/** The platform's endpoints answer `{ result: 1, data }`; anything else is an error with its message. */
async function rest(path, body) {
  const r = await request('POST', path, body);
  if (r.result !== 1) throw new ApiError(r.result === 404 ? 404 : 400, r.error_msg || '系统繁忙，请稍后再试');
  return r.data;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const text = q.toString();
  return text ? `?${text}` : '';
}

const enc = encodeURIComponent;

export const api = {
  orders: (params = {}) => request('GET', `/api/orders${query(params)}`),
  order: (id) => request('GET', `/api/orders/${enc(id)}`),
  cancelOrder: (id) => request('POST', `/api/orders/${enc(id)}/cancel`),
  refund: (id) => request('GET', `/api/refunds/${enc(id)}`),
  createRefund: (body) => request('POST', '/api/refunds', body),
  confirmRefund: (id) => request('POST', `/api/refunds/${enc(id)}/confirm`),
  /** The platform's after-sale list: `{ total, resultList: [{ refundId, orderId, handlingWay, refundFee, status, … }] }`. */
  refundList: (body) => rest('/rest/pc/aftersales/schema/refund/list/pagination', body),
  /** The platform's order query: `{ oid, status, buyerPay, totalFee, … }` (分). */
  orderQuery: (oid) => rest('/rest/app/tts/ks/seller/order/query/v2', { oid }),
  /** The demo's review simulator. */
  review: (id, action) => request('POST', `/__review/${enc(id)}/${action}`),
  reset: () => request('POST', '/__reset'),
};
