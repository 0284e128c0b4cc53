// The platform's after-sale status codes (open platform `status`, with `negotiateStatus` telling
// the endings of 70 apart) as the back office words them. The server sends codes only.
export const HANDLING_WAY = { 1: '退货退款', 10: '仅退款' };

/** → { status: the demo's key, statusText } */
export function refundStatusOf(code, negotiateStatus) {
  switch (code) {
    case 10:
    case 11:
      return { status: 'reviewing', statusText: '待审核' };
    case 20:
    case 21:
    case 22:
      return { status: 'intervening', statusText: '平台介入中' };
    case 40:
      return { status: 'approved', statusText: '审核通过' };
    case 50:
      return { status: 'confirmed', statusText: '退款执行中' };
    case 60:
      return { status: 'refunded', statusText: '退款成功' };
    case 70:
      if (negotiateStatus === 3) return { status: 'rejected', statusText: '审核不通过' };
      if (negotiateStatus === 4) return { status: 'failed', statusText: '退款失败' };
      return { status: 'closed', statusText: negotiateStatus === 6 ? '售后关闭' : '退款关闭' };
    default:
      return { status: 'unknown', statusText: `状态 ${code}` };
  }
}
