// Deterministic generator of stored refund cases for the benchmarks: built with the product's own
// model (createCase / applyAction / observe), so every record is one the background could have
// written, with its derived index fields (attentionAt, nextDeadline) right.
import { applyAction, createCase, observe } from '../../lib/cases/model';
import type { RefundCase } from '../../lib/cases/schema';
import { defaultRules } from '../../lib/rules/defaults';
import type { ObservedStatus } from '../../lib/sites/texts';

const HOUR = 3_600_000;
const REASONS = ['quality', 'not-as-described', 'wrong-item', 'damaged', 'missing-parts', 'not-received', 'changed-mind', 'other'];

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same cases. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The status mix of a shop with a long history: most cases are finished (refunded/closed), a few
 * percent are open and a few need attention. Weights sum to 1.
 */
const MIX: Array<[string, number]> = [
  ['refunded', 0.7],
  ['closed', 0.08],
  ['cancelled', 0.04],
  ['reviewing', 0.06],
  ['approved', 0.03],
  ['confirmed', 0.04],
  ['rejected', 0.02],
  ['failed', 0.01],
  ['escalated', 0.02],
];

function pick(r: () => number): string {
  let x = r();
  for (const [s, w] of MIX) {
    if ((x -= w) < 0) return s;
  }
  return MIX[0][0];
}

export interface GenOptions {
  count: number;
  seed?: number;
  /** "Now" of the generated history; cases spread over the `spanDays` before it. */
  now?: number;
  spanDays?: number;
  /** Order ids are `prefix` + a 10-digit serial, 16 digits in all like the platform's. */
  orderPrefix?: string;
  origin?: string;
}

export function orderIdOf(prefix: string, i: number): string {
  return prefix + String(i).padStart(16 - prefix.length, '0');
}

export function generateCases(opts: GenOptions): RefundCase[] {
  const rules = defaultRules();
  const r = rng(opts.seed ?? 42);
  const now = opts.now ?? Date.now();
  const span = (opts.spanDays ?? 365) * 24 * HOUR;
  const prefix = opts.orderPrefix ?? '239';
  const origin = opts.origin ?? 'https://s.kwaixiaodian.com';
  const out: RefundCase[] = [];
  for (let i = 0; i < opts.count; i++) {
    const target = pick(r);
    // Open cases are recent; finished ones anywhere in the span.
    const age = ['refunded', 'closed', 'cancelled'].includes(target) ? r() * span : r() * 72 * HOUR;
    const t0 = Math.floor(now - age);
    const orderId = orderIdOf(prefix, i);
    const paid = 1000 + Math.floor(r() * 200_000);
    let c = createCase(
      {
        orderId,
        refundType: r() < 0.6 ? 'refund-only' : 'return-refund',
        reasonId: REASONS[Math.floor(r() * REASONS.length)],
        remark: '商品与描述不符，已提供照片。',
        paidAmount: paid,
        refundAmount: paid,
        orderUrl: `${origin}/zone/order/detail?id=${orderId}`,
      },
      rules,
      t0,
      'panel',
      `bench-${orderId}`,
    );
    const step = (seen: ObservedStatus, dt: number) => {
      c = observe(c, seen, rules, t0 + dt, 'page', { afterSaleId: `9${orderId.slice(1)}` }).case;
    };
    const act = (a: Parameters<typeof applyAction>[1], dt: number) => {
      const res = applyAction(c, a, rules, t0 + dt, 'panel');
      if (res.ok) c = res.case;
    };
    switch (target) {
      case 'reviewing':
        break;
      case 'approved':
        step('approved', 2 * HOUR);
        break;
      case 'confirmed':
        step('approved', 2 * HOUR);
        act('confirm', 3 * HOUR);
        break;
      case 'refunded':
        step('approved', 2 * HOUR);
        step('refunded', 20 * HOUR);
        break;
      case 'rejected':
        step('rejected', 5 * HOUR);
        break;
      case 'failed':
        step('approved', 2 * HOUR);
        step('failed', 30 * HOUR);
        break;
      case 'escalated':
        step('rejected', 5 * HOUR);
        act('contact-support', 6 * HOUR);
        break;
      case 'closed':
        step('closed', 10 * HOUR);
        break;
      case 'cancelled':
        act('cancel-order', 1 * HOUR);
        break;
    }
    out.push(c);
  }
  return out;
}
