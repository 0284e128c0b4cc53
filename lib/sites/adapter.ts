import type { LocalText } from '../i18n';
import type { OrderSnapshot, OrderStatus, PageKind, RefundType, SnapshotField } from '../order';
import type { FormField, ObservedStatus, ReadField, SiteTexts } from './texts';

export interface ReadResult {
  /** Fields that could not be read are absent and listed in `snapshot.missing`. */
  snapshot: OrderSnapshot;
  afterSaleStatus?: ObservedStatus;
  afterSaleStatusText?: string;
  /** Refund detail: the platform's comment on the after-sale (平台意见), without its label, at most 500 characters. */
  comment?: string;
  /** Refund detail: when the after-sale was applied for (申请时间, China time), epoch ms. */
  appliedAt?: number;
  /** Fields that were not printed on the page but computed from others (e.g. 实付 = 商品 − 优惠 + 运费), or (`data`) taken from the page's own JSON. */
  computed: Array<{ field: SnapshotField; reason: LocalText; data?: true }>;
  /**
   * Fields the page states more than once with different values, or (ids) differently from the
   * page's URL: left out of the snapshot (never a pick between them) and, when the page kind
   * expects them, listed in `snapshot.missing` with the zh-CN `reason`; here in both languages
   * with the values seen (each at most 40 characters), for the panel to show in its locale.
   */
  conflicts?: Array<{ field: ReadField; values: string[]; reason: LocalText }>;
}

export interface ListedRefund {
  orderId?: string;
  afterSaleId?: string;
  status?: ObservedStatus;
  statusText: string;
  /** In 分. */
  refundAmount?: number;
  /** 申请时间 (China time), epoch ms. */
  appliedAt?: number;
  /** The platform's processing deadline for the merchant (the page's own data, never the DOM), epoch ms. */
  dueAt?: number;
  row: Element;
}

export interface ListedOrder {
  orderId: string;
  statusText?: string;
  status?: OrderStatus;
  row: Element;
}

/** The refund application form's current state, as the page shows it. */
export interface FormFacts {
  refundType?: RefundType;
  reasonText?: string;
  /** In 分. */
  amountFen?: number;
  remark?: string;
  /** Uploaded evidence files (Ant Design upload list items, not counting failed ones). */
  uploads: number;
  trackingNo?: string;
  courier?: string;
}

export interface FillValues {
  refundType?: RefundType;
  /** The reason's zh label and its synonyms; matched against the page's option texts. */
  reasonLabels?: string[];
  /** In 分; written as "12.00". */
  amountFen?: number;
  remark?: string;
  trackingNo?: string;
  courier?: string;
}

export interface FillReport {
  filled: Array<keyof FillValues>;
  failed: Array<{ field: keyof FillValues; reason: LocalText }>;
}

/** Everything one platform's pages teach us. Reading never throws; a field it cannot read is missing. */
export interface SiteAdapter {
  id: string;
  matches(url: URL): boolean;
  /** The URL first, the content to disambiguate. */
  pageKind(url: URL, doc: Document, texts: SiteTexts): PageKind | undefined;
  /** order-detail, refund-form, refund-detail. */
  readOrder(doc: Document, texts: SiteTexts, url: URL, now: number): ReadResult;
  readRefundList(doc: Document, texts: SiteTexts): ListedRefund[];
  readOrderList(doc: Document, texts: SiteTexts): ListedOrder[];
  /** The refund application form's current state. */
  readForm(doc: Document, texts: SiteTexts): FormFacts;
  /** Async: Ant Design selects open a dropdown that renders later. */
  fillForm(doc: Document, texts: SiteTexts, values: FillValues): Promise<FillReport>;
  /** A visible, enabled button (or link styled as one) whose text is one of `texts`, e.g. 提交申请. */
  findButton(doc: Document, texts: readonly string[]): HTMLElement | undefined;
  /** The application form's element (a modal's form over an order; else the page): its fields are read and written there only. */
  formRoot(doc: Document, texts: SiteTexts): Element;
  /** The application form when the page shows it (undefined while its route still loads). */
  findForm(doc: Document, texts: SiteTexts): Element | undefined;
  /** The page's shown messages: each a success (true) or an error (false). */
  feedback(doc: Document): Map<Element, boolean>;
  /** Focuses a text field of the form and selects `text` in it; false when it is not there. */
  selectInField(doc: Document, texts: SiteTexts, field: FormField, text: string): boolean;
}
