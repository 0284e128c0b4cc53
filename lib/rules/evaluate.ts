/*
 * The rules engine: what the rule set says about one order. Pure (no zod at runtime, no DOM,
 * no clock), because the content script's panel runs it on every page. By concern: advice.ts
 * (what can be done with an order, its open case), refund.ts (reasons, shipping payer, amount,
 * express refund), evidence.ts (the checklist), remark.ts (the remark template).
 */
export { ADVICES, adviseOrder, defaultRefundType, findOpenCase, type Advice } from './advice';
export { checkEvidence, requiredEvidence, type EvidenceFacts, type EvidenceItem } from './evidence';
export { expressEligibility, REFUND_TYPE_LABELS, refundAmount, shippingPayer, suggestReasons } from './refund';
export { leftInstruction, MISSING_VAR, remarkFor, renderRemark } from './remark';
