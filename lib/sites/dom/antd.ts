/*
 * Every Ant Design class name the page reading and the form writing rely on, in one place, with
 * what each serves. The back office is several separately built apps on two generations of Ant
 * Design: "3" (antd 3: `.ant-select-selection`, `.ant-select-dropdown-menu-item`) and "4/5"
 * (`.ant-select-selector`, `.ant-select-item-option`); where they differ, a selector lists both.
 * Class names only, never a CSS-module hash (`label__BFlU4`): reading is driven by the page's
 * words (lib/sites/texts.ts); these classes only say how Ant Design lays a label and its value out.
 *
 * Here and not under lib/sites/kuaishou/: Ant Design is not Kuaishou's; the platform-free readers
 * in this folder use these names too. tests/unit/sites-antd-selectors.test.ts checks each one
 * against the captured pages (tests/unit/fixtures/antd) it serves; the ones that exist only while
 * something happens (an open dropdown, a message) are proven by the end-to-end tests instead.
 */

/** Form items (3, 4/5): the refund form on its own page, in a modal over the order, and `?antd=3`. */
export const FORM_ITEM = '.ant-form-item';
export const FORM_ITEM_LABEL = '.ant-form-item-label';
export const FORM_ITEM_CONTROL = '.ant-form-item-control';
/** Descriptions (4/5): order detail (订单信息), refund detail, the form's order summary. */
export const DESC_ITEM = '.ant-descriptions-item';
export const DESC_LABEL = '.ant-descriptions-item-label';
export const DESC_CONTENT = '.ant-descriptions-item-content';
/** A label column of a form item or a description: where climbing from a label's text stops. */
export const ITEM_LABEL_CLASS = /(^|\s)ant-(form|descriptions)-item-label(\s|$)/;

/** Controls the form writes (3, 4/5): select, radio group (refund type), number input (amount). */
export const SELECT = '.ant-select';
export const RADIO_GROUP = '.ant-radio-group';
export const INPUT_NUMBER = '.ant-input-number';
/** A radio shown as a button (refund type, 3 and 4/5) and a segmented control's item (5). */
export const CHOICE_BUTTON = '.ant-radio-button-wrapper, .ant-segmented-item';
/** What opens a select's dropdown: 4/5 `.ant-select-selector`, 3 `.ant-select-selection`. */
export const SELECT_OPENER = '.ant-select-selector, .ant-select-selection';
/** A select's chosen item: 4/5 `.ant-select-selection-item`, 3 `.ant-select-selection-selected-value`. */
export const SELECTION_ITEM = '.ant-select-selection-item, .ant-select-selection-selected-value';
/** An open select's dropdown and its options (4/5, 3), only while open: proven end to end. */
export const DROPDOWN = '.ant-select-dropdown';
export const OPTION = '.ant-select-item-option, .ant-select-dropdown-menu-item';
export const OPTION_CONTENT = '.ant-select-item-option-content';
export const OPTION_DISABLED = ['ant-select-item-option-disabled', 'ant-select-dropdown-menu-item-disabled'];

/** Tables (4/5): order list, refund list, goods, the refund detail's order table. */
export const TABLE = '.ant-table';
export const TABLE_BODY = '.ant-table-tbody';
/** Rows Ant Design adds for layout (column measuring, "no data", expanded rows): not data. */
export const TABLE_AUX_ROW = /ant-table-(measure-row|placeholder|expanded-row)/;

/** Any component's hidden state (`ant-tabs-tabpane-hidden`, `ant-select-dropdown-hidden`, …). */
export const HIDDEN_STATE = /(^|\s)ant-[\w-]+-hidden(\s|$)/;
/** A modal (4/5, 3): 申请退款 over the order detail (`&apply=modal`), 确认退款's confirm. */
export const MODAL = '.ant-modal';
/** A modal's or popconfirm's layers (4/5, 3): the wrap, the mask, the × button; a primary button is its OK. */
export const MODAL_LAYER = '.ant-modal-wrap,[role=dialog],.ant-popover';
export const MODAL_OUTSIDE = '.ant-modal-wrap,.ant-modal-mask';
export const MODAL_CLOSE = '.ant-modal-close';
export const BUTTON = '.ant-btn';
export const PRIMARY_BUTTON = '.ant-btn-primary';
/** Uploaded evidence (4/5, 3); an item that failed or is being removed does not count. */
export const UPLOAD_ITEM = '.ant-upload-list-item';
export const UPLOAD_ITEM_GONE = /ant-upload-list-item-(error|removed)/;
/** The page's answer to a submit (4/5, 3), only after one: proven end to end. */
export const SUCCESS = '.ant-message-success,.ant-notification-notice-success,.ant-result-success';
export const ERROR = '.ant-message-error,.ant-notification-notice-error,.ant-form-item-explain-error,.ant-alert-error,.ant-result-error';
export const NOTICE = '.ant-message-notice,.ant-notification-notice';
/** A link styled as a button (4/5, 3): 确认退款 / 提交申请 may be one. */
export const LINK_BUTTON = 'a.ant-btn';
