/*
 * The extension's records of the demo back office's re-application (SEED.variants.orders.twoAfterSales:
 * an application rejected, then a second one with more evidence), as a cases file the extension
 * imports: `npm run demo` starts with them, tests/e2e/reapply.test.ts drives the refund list over them.
 *
 * Times are the demo's own (the seed's 申请时间), so a row's application time never contradicts its
 * case. The first application is known by its after-sale number (the refund list showed it
 * rejected); the second was recorded from the panel and has no number yet: the refund list gives
 * it one, and must not give it the first one's.
 */
import { createCase, observe, supersede } from '../lib/cases/model';
import type { RefundCase } from '../lib/cases/schema';
import { defaultRules } from '../lib/rules/defaults';
import { SEED } from '../tests/merchant-site/server';

const ORDER = SEED.variants.orders.twoAfterSales;
const COAT_FEN = 15_900;

/** China time (UTC+8) → epoch ms. */
const bj = (date: string, time: string) => Date.parse(`${date}T${time}+08:00`);

export const REAPPLY_CASE_IDS = { first: `demo-${ORDER}-1`, second: `demo-${ORDER}-2` } as const;

/**
 * The two applications of the order, linked to each other. The first is rejected (with the
 * platform's comment) and, as recording the second one leaves it, closed; `closeFirst: false`
 * leaves it rejected (the merchant still disputes it), the harder case for telling rows apart.
 */
export function reapplyCases({ closeFirst = true }: { closeFirst?: boolean } = {}): RefundCase[] {
  const rules = defaultRules();
  const input = { orderId: ORDER, refundType: 'refund-only' as const, reasonId: 'quality', paidAmount: COAT_FEN, refundAmount: COAT_FEN };
  const firstAt = bj('2024-11-19', '08:12:44');
  const secondAt = bj('2024-11-21', '11:30:02');
  let first = createCase({ ...input, afterSaleId: SEED.variants.refunds.firstRejected, remark: '外套起球。' }, rules, firstAt, 'panel', REAPPLY_CASE_IDS.first);
  first = observe(first, 'rejected', rules, firstAt + 20 * 60_000, 'page', { comment: '未提供商品照片，凭证不足，请补充后重新提交。' }).case;
  const second = createCase({ ...input, remark: '外套起球严重，已补充照片。' }, rules, secondAt, 'panel', REAPPLY_CASE_IDS.second);
  first = closeFirst ? supersede(first, second.id, rules, secondAt, 'panel') : { ...first, nextCaseId: second.id };
  // The first was last touched after the second was recorded (its row read again): the newest
  // update must not decide which case a row belongs to.
  return [
    { ...first, updatedAt: secondAt + 60 * 60_000 },
    { ...second, previousCaseId: first.id },
  ];
}
