import { z } from 'zod';
import { ORDER_STATUSES, REFUND_TYPES } from '../order';
import { FORM_FIELDS, OBSERVED_STATUSES, READ_FIELDS } from './texts';
import { CODE_PATTERN, KUAISHOU_STATUS_CODES } from './kuaishou/codes';

const Texts = z.array(z.string().min(1).max(100)).max(50);

export const SiteTexts = z.object({
  /** Field → label and its synonyms, as the page prints them (without the colon). */
  labels: z.record(z.enum(READ_FIELDS), Texts),
  /** Normalised order status → the texts the page shows for it. */
  orderStatusTexts: z.record(z.enum(ORDER_STATUSES), Texts),
  /** Case status a page can show → its texts (refund list, refund detail). */
  afterSaleStatusTexts: z.record(z.enum(OBSERVED_STATUSES), Texts),
  refundTypeTexts: z.record(z.enum(REFUND_TYPES), Texts),
  /** Labels of the refund application form's items. */
  formLabels: z.record(z.enum(FORM_FIELDS), Texts),
  /**
   * Case status → the after-sale codes of the page's own data that mean it ("40", or "70/3" for
   * status 70 with negotiateStatus 3). Absent in files from before it existed: the defaults.
   */
  afterSaleStatusCodes: z
    .partialRecord(
      z.enum(OBSERVED_STATUSES),
      z.array(z.string().trim().regex(CODE_PATTERN, { error: '状态码应为数字，如 40 或 70/3 / a status code is a number, e.g. 40 or 70/3' })).max(20),
    )
    .default(() => structuredClone(KUAISHOU_STATUS_CODES)),
  /** Button texts the extension reacts to, or points the merchant at (cancelOrder: absent in files from before it). */
  buttons: z.object({ submit: Texts, confirmRefund: Texts, applyRefund: Texts, cancelOrder: Texts.default(() => ['取消订单']) }),
});
export type SiteTexts = z.infer<typeof SiteTexts>;
