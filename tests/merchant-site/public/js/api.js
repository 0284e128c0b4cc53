// The back office's JSON API. Errors carry the server's message for the merchant.

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
  if (!res.ok) throw new ApiError(res.status, data.message || `请求失败（${res.status}）`);
  return data;
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
  refunds: (params = {}) => request('GET', `/api/refunds${query(params)}`),
  refund: (id) => request('GET', `/api/refunds/${enc(id)}`),
  createRefund: (body) => request('POST', '/api/refunds', body),
  confirmRefund: (id) => request('POST', `/api/refunds/${enc(id)}/confirm`),
  /** The demo's review simulator. */
  review: (id, action) => request('POST', `/__review/${enc(id)}/${action}`),
  reset: () => request('POST', '/__reset'),
};
