/*
 * The panel's styles, in its shadow root only: nothing leaks to the page and the page's styles do
 * not reach in (the host resets inherited properties with `all: initial`). Ant Design 5 colours
 * and a CJK-first font stack. Terse on purpose: it ships in the 30 KB content script.
 */
export const PANEL_CSS = `:host{all:initial}
*{box-sizing:border-box;margin:0}
.rh{font:13px/1.6 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f1f1f;background:#fff;width:320px;max-height:min(calc(100vh - 96px),var(--rh-max,100vh));display:flex;flex-direction:column;border:1px solid #ddd;border-radius:8px 0 0 8px;box-shadow:0 6px 16px #0002;overflow:hidden}
.collapsed{width:auto}
.toggle{all:unset;display:flex;gap:6px;padding:8px 12px;cursor:pointer;background:#f5f7fa;font-weight:600}
.collapsed .toggle{flex-direction:column}
.collapsed .title{writing-mode:vertical-rl}
.logo{padding:0 4px;border-radius:4px;background:#fe3666;color:#fff}
.chev{margin-left:auto}
.body{overflow:auto;padding:10px 12px;display:flex;flex-direction:column;gap:8px}
[hidden]{display:none!important}
small{display:block;font-size:12px}
.muted,dt,label{color:#888}.hint{color:#1677ff}.ok{color:#389e0d}.bad{color:#cf1322}
dl div{display:grid;grid-template-columns:68px 1fr;gap:8px}
dd{word-break:break-all}
.box,.notice{border:1px solid #ddd;border-radius:6px;padding:6px 10px;display:flex;flex-direction:column;gap:4px}
.advice,.notice{background:#f0f5ff}.warn{background:#fffbe6}.block,.error{background:#fff2f0}
ul,ol{padding-left:16px}
label{display:flex;flex-direction:column;font-size:12px}
select,textarea,input,.btn{font:inherit;color:#1f1f1f;background:#fff;border:1px solid #ccc;border-radius:6px;padding:3px 8px}
.btn{cursor:pointer}
.primary{background:#1677ff;color:#fff;padding:5px}
.list{list-style:none;padding:0}
.ev{all:unset;display:flex;gap:8px;padding:2px 4px}
button.ev{cursor:pointer}
.mark{font-style:normal;color:#389e0d}.mark.missing{color:#cf1322}
pre{padding:6px;background:#f5f7fa;white-space:pre-wrap;font-family:inherit;font-size:12px;line-height:1.6;max-height:180px;overflow:auto}
:focus-visible{outline:2px solid #1677ff}
.pop{position:fixed;width:300px;padding:12px 16px;background:#fff;border-radius:8px;box-shadow:0 6px 16px #0002;display:flex;flex-direction:column;gap:6px;font-size:14px}
.pop b:before{content:"!";display:inline-block;width:16px;margin-right:8px;border-radius:50%;background:#faad14;color:#fff;font-size:12px;text-align:center}
.pop.block b:before{background:#ff4d4f}
.acts{display:flex;justify-content:flex-end;gap:8px}
`;
