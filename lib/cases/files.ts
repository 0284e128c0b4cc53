/*
 * The case files a merchant saves: CSV and JSON exports and the backup. Built piece by piece from
 * an async source of cases, so 200,000 cases never make one giant string: the options page hands
 * the pieces to a Blob (it reads the cases straight from the extension's IndexedDB, see
 * store/open.ts openExisting), and the background's small-file messages join them.
 */
import { formatFen } from '../money';
import type { RefundType } from '../order';
import type { RuleSet } from '../rules/schema';
import { formatChinaTime, STATUS_LABELS } from './model';
import type { RefundCase } from './schema';

export const CASES_FORMAT = 'refund-helper-cases';
export const BACKUP_FORMAT = 'refund-helper-backup';

export const CSV_COLUMNS = ['订单编号', '售后单号', '状态', '退款类型', '原因', '退款金额(元)', '物流单号', '快递公司', '创建时间', '更新时间'] as const;

const REFUND_TYPE_LABELS: Record<RefundType, string> = { 'refund-only': '仅退款', 'return-refund': '退货退款' };

/**
 * What a spreadsheet may take for the start of a formula (CSV injection): = + - @ and their
 * full-width forms (＝＋－＠, which Excel and WPS also accept), tab, CR, LF and NUL; and what can
 * hide such a start: zero-width characters and a BOM in front of it.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is one of the characters that hide a formula's start.
const FORMULA_START = /^[\s\u0000\u200b-\u200d\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n\u0000\u200b-\u200d\u2060\ufeff]/;

/** One CSV field: a value that could start a formula gets a leading `'`; quoted, quotes doubled; NUL dropped. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('\u0000', '').replace(/"/g, '""')}"`;
}

/**
 * A number column: long digit strings (a 19-digit order number) become 2.41E+18 in Excel and the
 * digits are lost. A leading tab makes Excel keep the cell as text; it is invisible there.
 */
function idCell(value: string): string {
  return /^\d{12,}$/.test(value) ? `"\t${value}"` : csvCell(value);
}

export function csvRow(c: RefundCase, reasons: ReadonlyMap<string, string>): string {
  return [
    idCell(c.orderId),
    idCell(c.afterSaleId ?? ''),
    csvCell(STATUS_LABELS[c.status]['zh-CN']),
    csvCell(REFUND_TYPE_LABELS[c.refundType] ?? c.refundType),
    csvCell(reasons.get(c.reasonId) ?? c.reasonId),
    csvCell(c.refundAmount === undefined ? '' : formatFen(c.refundAmount, { symbol: false })),
    idCell(c.trackingNo ?? ''),
    csvCell(c.courier ?? ''),
    csvCell(formatChinaTime(c.createdAt)),
    csvCell(formatChinaTime(c.updatedAt)),
  ].join(',');
}

export type FileKind = 'csv' | 'json' | 'backup';

/** 202611261200: China time, for file names. */
export function fileStamp(now: number): string {
  return formatChinaTime(now).replace(/\D/g, '');
}

export function fileMeta(kind: FileKind, now: number): { filename: string; mime: string } {
  const stamp = fileStamp(now);
  if (kind === 'csv') return { filename: `refund-cases-${stamp}.csv`, mime: 'text/csv;charset=utf-8' };
  if (kind === 'json') return { filename: `refund-cases-${stamp}.json`, mime: 'application/json' };
  return { filename: `refund-helper-backup-${stamp}.json`, mime: 'application/json' };
}

/**
 * The file's text in pieces (one per `pageSize` cases): CSV with a BOM (Excel reads a BOM-less
 * CSV as the system code page and garbles 汉字) and CRLF (RFC 4180); JSON with one case per line,
 * which reads back with JSON.parse like the indented files of earlier versions.
 */
export async function* fileParts(
  kind: FileKind,
  cases: AsyncIterable<RefundCase>,
  { now, rules, pageSize = 1000 }: { now: number; rules: RuleSet; pageSize?: number },
): AsyncGenerator<string> {
  if (kind === 'csv') {
    const reasons = new Map(rules.reasons.map((r) => [r.id, r.label['zh-CN']]));
    let rows: string[] = ['\uFEFF' + CSV_COLUMNS.map(csvCell).join(',')];
    for await (const c of cases) {
      rows.push(csvRow(c, reasons));
      if (rows.length >= pageSize) {
        yield rows.join('\r\n') + '\r\n';
        rows = [];
      }
    }
    if (rows.length > 0) yield rows.join('\r\n') + '\r\n';
    return;
  }
  const head = kind === 'json' ? { format: CASES_FORMAT, version: 1, exportedAt: now } : { format: BACKUP_FORMAT, version: 1, exportedAt: now, rules };
  yield JSON.stringify(head).slice(0, -1) + ',"cases":[';
  let rows: string[] = [];
  let first = true;
  for await (const c of cases) {
    rows.push(JSON.stringify(c));
    if (rows.length >= pageSize) {
      yield (first ? '\n' : ',\n') + rows.join(',\n');
      first = false;
      rows = [];
    }
  }
  if (rows.length > 0) yield (first ? '\n' : ',\n') + rows.join(',\n');
  yield '\n]}\n';
}
