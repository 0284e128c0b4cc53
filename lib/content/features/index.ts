/*
 * Every page feature, in the order their reads run on a page (the order is read before what
 * reports its status).
 */
import type { Feature } from '../core';
import { confirmRefund } from './confirm-refund';
import { orderDetail } from './order-detail';
import { orderListChips } from './order-list-chips';
import { refundDetail } from './refund-detail';
import { refundForm } from './refund-form';
import { refundList } from './refund-list';

export const FEATURES: readonly Feature[] = [orderDetail, refundForm, refundDetail, confirmRefund, refundList, orderListChips];
