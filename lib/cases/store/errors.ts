/* Storage failures in the merchant's words, and the transaction helpers every write uses. */
import type { LocalText } from '../../i18n';

/**
 * `Promise.all` over one request per item, issued together. A request that throws at once (a
 * DataError) becomes a rejection, and the others' rejections when the transaction then aborts are
 * handled, so a failing batch reports its first error and nothing else.
 */
export function allOf<T, R>(items: readonly T[], fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const running = items.map((item, i) => {
    try {
      return fn(item, i);
    } catch (e) {
      return Promise.reject(e);
    }
  });
  for (const p of running) p.catch(() => {});
  return Promise.all(running);
}

export type StoreErrorCode = 'quota' | 'blocked' | 'version' | 'unavailable' | 'conflict' | 'exists' | 'unknown';

const MESSAGES: Record<StoreErrorCode, LocalText> = {
  quota: {
    'zh-CN': '浏览器存储空间已满，无法保存退款记录。请导出并删除旧记录后重试。',
    en: 'Browser storage is full; the refund case could not be saved. Export and delete old cases, then try again.',
  },
  blocked: {
    'zh-CN': '数据库升级被另一个打开的扩展页面阻止。请关闭退款助手的其他页面后重试。',
    en: 'The database upgrade is blocked by another open extension page. Close the other Refund Helper pages and try again.',
  },
  version: {
    'zh-CN': '数据库由更新版本的退款助手创建，当前版本无法打开。请更新扩展。',
    en: 'The database was created by a newer Refund Helper; this version cannot open it. Please update the extension.',
  },
  unavailable: {
    'zh-CN': '无法打开本地数据库（可能处于隐私模式或存储被禁用）。',
    en: 'The local database cannot be opened (private mode, or storage is disabled).',
  },
  conflict: {
    'zh-CN': '该退款记录刚被另一处修改，请重试。',
    en: 'This refund case was just changed elsewhere; please try again.',
  },
  exists: {
    'zh-CN': '已存在相同编号的退款记录。',
    en: 'A refund case with this id already exists.',
  },
  unknown: {
    'zh-CN': '本地数据库出错。',
    en: 'The local database failed.',
  },
};

/** A storage failure with a message for the merchant (zh-CN and en). */
export class StoreError extends Error {
  readonly code: StoreErrorCode;
  readonly text: LocalText;
  constructor(code: StoreErrorCode, cause?: unknown) {
    const text = MESSAGES[code];
    const detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : cause != null ? String(cause) : '';
    super(detail ? `${text.en} (${detail})` : text.en);
    this.name = 'StoreError';
    this.code = code;
    this.text = detail && code !== 'conflict' && code !== 'exists' ? { 'zh-CN': `${text['zh-CN']}（${detail}）`, en: `${text.en} (${detail})` } : text;
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

export function toStoreError(e: unknown): StoreError {
  if (e instanceof StoreError) return e;
  const name = (e as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return new StoreError('quota', e);
  if (name === 'VersionError') return new StoreError('version', e);
  if (name === 'InvalidStateError' || name === 'UnknownError' || name === 'SecurityError') {
    return new StoreError('unavailable', e);
  }
  return new StoreError('unknown', e);
}

export async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toStoreError(e);
  }
}

/**
 * Runs `fn` in `tx` and waits for the commit; any failure aborts the transaction, so a write
 * that fails halfway leaves nothing behind (a synchronous DataError would otherwise let the
 * writes before it commit).
 */
export async function atomically<T>(tx: { abort(): void; done: Promise<void> }, fn: () => Promise<T>): Promise<T> {
  try {
    const result = await fn();
    await tx.done;
    return result;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      /* already finished */
    }
    await tx.done.catch(() => {});
    throw e;
  }
}
