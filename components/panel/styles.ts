/*
 * The panel's styles, in its shadow root only: nothing leaks to the page and the page's styles do
 * not reach in (the host resets inherited properties with `all: initial`). Ant Design 5's look:
 * 14 px text, its blue as primary, its greys, its control shapes (a select with its arrow, a
 * checkbox square), a CJK-first font stack. The panel is a full-height column docked at the
 * window's edge (the page makes room for it, lib/content/host.ts); z-index 999 keeps it under the
 * page's own pop-ups (Ant Design's start at 1000), the submit warning above them. Terse on
 * purpose: it ships in the panel's runtime (30 KB gzip).
 */
export const PANEL_CSS = `*{box-sizing:border-box;margin:0}
.rh{position:fixed;top:0;bottom:0;right:0;z-index:999;font:14px/1.5715 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#000000e0;background:#fff;display:flex;flex-direction:column;border-left:1px solid #f0f0f0;box-shadow:-6px 0 16px #00000014}
.rh.left{right:auto;left:0;border:0;border-right:1px solid #f0f0f0;box-shadow:6px 0 16px #00000014}
.rail{width:32px}
.expand{all:unset;cursor:pointer;display:flex;flex-direction:column;align-items:center;gap:8px;padding:12px 0;height:100%;box-sizing:border-box}
.expand:hover{background:#f5f5f5}
.expand .due{writing-mode:vertical-rl}
.head{display:flex;align-items:center;gap:8px;padding:10px 12px 10px 16px;border-bottom:1px solid #f0f0f0}
.title{flex:1;font-size:16px}
.logo{display:inline-flex;align-items:center;justify-content:center;width:22px;height:22px;border-radius:6px;background:#1677ff;color:#fff;font-size:13px;font-weight:600}
.i{width:1em;height:1em;fill:none;stroke:currentColor;stroke-width:1.6;stroke-linecap:round;stroke-linejoin:round;vertical-align:-.125em;flex:none}
.icon{all:unset;cursor:pointer;display:inline-flex;padding:5px;border-radius:6px;color:#00000073}
.icon:hover{background:#0000000f;color:#000000e0}
.grip{position:absolute;top:0;bottom:0;left:-3px;width:6px;cursor:col-resize;z-index:1}
.left .grip{left:auto;right:-3px}
.grip:hover,.grip:focus-visible{background:#1677ff33}
.body{flex:1;overflow:auto;padding:12px 16px;display:flex;flex-direction:column;gap:12px}
[hidden]{display:none!important}
small{display:block;font-size:12px}
.muted,label{color:#00000073}.hint{color:#1677ff}.ok{color:#52c41a}.bad{color:#ff4d4f}
.box,.notice{border:1px solid #f0f0f0;border-radius:8px;padding:10px 12px;display:flex;flex-direction:column;gap:6px}
.advice,.notice{background:#f0f5ff;border-color:#d6e4ff}.warn{background:#fffbe6;border-color:#ffe58f}.error{background:#fff2f0;border-color:#ffccc7}.success{background:#f6ffed;border-color:#d9f7be}
.status{display:flex;align-items:center;gap:8px;flex-wrap:wrap}
.dot{display:inline-block;width:8px;height:8px;border-radius:50%;background:#d9d9d9;flex:none}
.dot.bad{background:#ff4d4f}.dot.warn{background:#faad14}.dot.info{background:#1677ff}.dot.ok{background:#52c41a}
.due{color:#00000073;font-size:12px}.due.bad{color:#ff4d4f}
.next{display:flex;flex-direction:column;gap:6px;padding-top:6px;border-top:1px dashed #f0f0f0}
.facts{font-size:12px;display:flex;flex-wrap:wrap;gap:2px 12px;overflow-wrap:anywhere}
.note{display:inline;margin-left:2px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
ul,ol{padding-left:18px}
label{display:flex;flex-direction:column;gap:4px;font-size:12px}
select,textarea,input,.btn{font:inherit;font-size:14px;color:#000000e0;background:#fff;border:1px solid #d9d9d9;border-radius:6px;padding:4px 11px}
select{appearance:none;padding-right:28px;background:#fff url("data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'><path d='M4 6l4 4 4-4' fill='none' stroke='%23bfbfbf' stroke-width='1.6'/></svg>") no-repeat right 8px center/12px}
:is(select,textarea,input):is(:hover,:focus){border-color:#4096ff;outline:0}
.btn{cursor:pointer;display:inline-flex;align-items:center;justify-content:center;gap:6px;text-decoration:none}
.btn:hover{color:#4096ff;border-color:#4096ff}
.primary{background:#1677ff;border-color:#1677ff;color:#fff}.primary:hover{background:#4096ff;color:#fff}
.btn:disabled{cursor:not-allowed;opacity:.6}
.link{border:0;padding:0;color:#1677ff;align-self:flex-start;background:none}
.list{list-style:none;padding:0}
.ev{all:unset;display:flex;gap:8px;padding:3px 0;align-items:flex-start}
button.ev{cursor:pointer}
.cb{display:inline-flex;width:16px;height:16px;margin-top:3px;border:1px solid #d9d9d9;border-radius:4px;background:#fff;color:#fff;flex:none;align-items:center;justify-content:center;font-size:12px}
.cb.ok{background:#1677ff;border-color:#1677ff}.cb.missing{border-color:#ff4d4f}
pre{padding:8px;background:#fafafa;border-radius:6px;white-space:pre-wrap;font-family:inherit;font-size:12px;line-height:1.6;max-height:180px;overflow:auto}
:focus-visible{outline:2px solid #4096ff;outline-offset:1px}
.pop{position:fixed;z-index:2147483000;width:300px;padding:12px 16px;background:#fff;border-radius:8px;box-shadow:0 6px 16px #00000014,0 3px 6px -4px #0000001f,0 9px 28px 8px #0000000d;display:flex;flex-direction:column;gap:6px}
.pop b{display:flex;align-items:center;gap:8px}.pop b .i{color:#faad14}.pop.block b .i{color:#ff4d4f}
.acts{display:flex;justify-content:flex-end;gap:8px}.acts.start{justify-content:flex-start}
`;
