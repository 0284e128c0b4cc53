/*
 * The zod schema of every message payload: whatever crosses from a page or another context is
 * untrusted until parsed. Kept apart from ./protocol.ts so the content scripts, which only send,
 * do not bundle zod; the background parses every payload with these before anything is written.
 */
import { z } from 'zod';
import { REFUND_TYPES } from '../order';
import { CASE_STATUSES } from '../cases/status';
import { MERCHANT_ACTIONS } from '../cases/model';
import { OBSERVED_STATUSES } from '../sites/texts';
import { PANEL_PARTS } from '../panel-files';
import type { PanelPart } from '../sites/kuaishou/routes';
import { Amount, OrderUrl, Timestamp } from '../cases/schema';

/** Order and after-sale numbers: the platform's are digits; letters, `-` and `_` are allowed for other shops' formats. */
const Id = z
  .string()
  .trim()
  .min(1, { error: '编号不能为空 / the number is empty' })
  .max(64)
  .regex(/^[\w-]+$/, { error: '编号只能包含字母、数字、- 和 _ / the number may hold only letters, digits, - and _' });
const CaseId = z.string().min(1).max(100);
const Fen = Amount;
const Text = (max: number) => z.string().max(max);

/** What the panel sends to record a submitted application (lib/cases/model.ts `NewCaseInput`). Strict: no buyer data can ride along. */
export const NewCaseInputSchema = z.strictObject({
  orderId: Id,
  afterSaleId: Id.optional(),
  refundType: z.enum(REFUND_TYPES),
  reasonId: z.string().min(1).max(64),
  remark: Text(2000).optional(),
  paidAmount: Fen.optional(),
  refundAmount: Fen.optional(),
  trackingNo: Text(64).optional(),
  courier: Text(64).optional(),
  shippingPayer: z.enum(['seller', 'buyer']).optional(),
  orderUrl: OrderUrl.optional(),
  productTitle: Text(200).optional(),
});

export const ObservationSchema = z
  .strictObject({
    orderId: Id.optional(),
    afterSaleId: Id.optional(),
    status: z.enum(OBSERVED_STATUSES),
    source: z.literal('page').optional(),
    /** The platform's comment as the page shows it, without its label. */
    comment: z.string().trim().max(500).optional(),
    /** The application time the row or page shows (epoch ms). */
    appliedAt: Timestamp.optional(),
    /** The platform's processing deadline for the merchant (the page's own data only; epoch ms). */
    dueAt: Timestamp.optional(),
  })
  .refine((o) => o.orderId !== undefined || o.afterSaleId !== undefined, {
    error: '需要订单编号或售后单号 / an order number or an after-sale number is required',
  });

/** The most cases one bulk action of the case list takes (the store's documented size). */
const MAX_SELECTION = 200_000;
const NoData = z.union([z.undefined(), z.null(), z.strictObject({})]);
const Limit = z.number().int().min(1).max(500);
/** Chrome refuses runtime messages above 64 MiB. */
const FileContent = z
  .string()
  .min(1)
  .max(64 * 1024 * 1024);
export const Payloads = {
  getCase: z.strictObject({ orderId: Id }),
  getCases: z.strictObject({ orderIds: z.array(Id).max(500) }),
  // The part of the panel's runtime the bootstrap's route needs (lib/panel-files.ts).
  loadPanel: z.strictObject({ part: z.enum(PANEL_PARTS as [PanelPart, ...PanelPart[]]) }),
  recordSubmit: z.strictObject({ input: NewCaseInputSchema, submitId: z.string().min(8).max(100) }),
  reportPage: z.strictObject({ observations: z.array(ObservationSchema).max(2000) }),
  caseAction: z.strictObject({
    caseId: CaseId,
    action: z.enum(MERCHANT_ACTIONS),
    source: z.enum(['panel', 'popup']).optional(),
  }),
  addNote: z.strictObject({ caseId: CaseId, text: z.string().trim().min(1).max(2000) }),
  listCases: z
    .strictObject({
      query: z.string().trim().max(64).optional(),
      status: z.enum(CASE_STATUSES).optional(),
      limit: Limit.optional(),
      offset: z.number().int().min(0).max(1e6).optional(),
    })
    .optional(),
  attentionList: z.strictObject({ limit: Limit.optional() }).optional(),
  counts: NoData,
  exportCases: z.strictObject({ format: z.enum(['json', 'csv']), caseIds: z.array(CaseId).min(1).max(MAX_SELECTION).optional() }),
  caseRows: z.strictObject({ after: CaseId.optional(), limit: z.number().int().min(1).max(10_000).optional() }).optional(),
  casesById: z.strictObject({ caseIds: z.array(CaseId).min(1).max(500) }),
  closeCases: z.strictObject({ caseIds: z.array(CaseId).min(1).max(MAX_SELECTION) }),
  importCases: z.strictObject({ content: FileContent }),
  getRules: NoData,
  setRules: z.strictObject({ rules: z.unknown() }).refine((p) => p.rules !== undefined, { error: 'rules is required' }),
  resetRules: NoData,
  backup: NoData,
  restore: z.strictObject({ content: FileContent }),
  deleteAll: NoData,
  openOrder: z.strictObject({ caseId: CaseId }),
  openCases: z.strictObject({ caseId: CaseId.optional() }).optional(),
  // The options page wrote a large import or restore into the database itself (lib/cases/transfer.ts).
  casesWritten: NoData,
} as const;

export type PayloadName = keyof typeof Payloads;
/** What a sender passes (before defaults). */
export type PayloadIn<K extends PayloadName> = z.input<(typeof Payloads)[K]>;
/** What a handler receives (after parsing). */
export type PayloadOut<K extends PayloadName> = z.output<(typeof Payloads)[K]>;
