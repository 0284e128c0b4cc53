/*
 * Every page feature, in the order their reads run on a page (the order is read before what
 * reports its status), and the features of each part of the panel's runtime (lib/panel-files.ts):
 * a feature serving kinds of both parts is in both. Written out rather than filtered from FEATURES
 * so that each part's build leaves the other part's features out (tests/unit/panel-parts.test.ts
 * checks the lists against the features' kinds).
 */
import type { Feature } from '../core';
import { confirmRefund } from './confirm-refund';
import { orderDetail } from './order-detail';
import { orderListChips } from './order-list-chips';
import { refundDetail } from './refund-detail';
import { refundForm } from './refund-form';
import { refundList } from './refund-list';

export const FEATURES: readonly Feature[] = [orderDetail, refundForm, refundDetail, confirmRefund, refundList, orderListChips];

/** The `lists` part: the order list's chips, the refund list (and 确认退款 on its rows). */
export const LIST_FEATURES: readonly Feature[] = [confirmRefund, refundList, orderListChips];

/** The `orders` part: a page about one order (its detail, the refund form, the refund detail). */
export const ORDER_FEATURES: readonly Feature[] = [orderDetail, refundForm, refundDetail, confirmRefund];
