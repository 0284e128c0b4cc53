/*
 * The panel's styles, in its shadow root only: nothing leaks to the page and the page's styles do
 * not reach in (the host resets inherited properties with `all: initial`). Ant Design 5 colours,
 * so the panel sits naturally in the back office; CJK-first font stack.
 */
export const PANEL_CSS = `:host{all:initial}
*{box-sizing:border-box}
.rh{font:13px/1.6 -apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:rgba(0,0,0,.88);background:#fff;width:320px;max-height:min(calc(100vh - 96px),var(--rh-max,100vh));display:flex;flex-direction:column;border:1px solid #e5e6eb;border-right:0;border-radius:8px 0 0 8px;box-shadow:0 6px 16px rgba(0,0,0,.08),0 9px 28px 8px rgba(0,0,0,.05);overflow:hidden}
.collapsed{width:auto}
.rh-toggle{all:unset;box-sizing:border-box;display:flex;align-items:center;gap:6px;padding:8px 12px;cursor:pointer;background:#f5f7fa;font-weight:600}
.collapsed .rh-toggle{flex-direction:column;padding:8px}
.collapsed .rh-title{writing-mode:vertical-rl;letter-spacing:.2em}
.rh-logo{display:inline-grid;place-items:center;width:20px;height:20px;border-radius:4px;background:#fe3666;color:#fff;font-size:12px}
.rh-chev{margin-left:auto}
.rh-body{overflow:auto;padding:10px 12px;display:flex;flex-direction:column;gap:8px;border-top:1px solid #e5e6eb;overscroll-behavior:contain}
[hidden]{display:none!important}
p,dl,dd,pre,ul,ol{margin:0}
b{font-weight:600}
small{display:block;font-size:12px;line-height:1.5}
.rh-muted{color:rgba(0,0,0,.55)}.rh-hint{color:#1677ff}.rh-ok{color:#389e0d}.rh-bad{color:#cf1322}
.rh-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
dl div{display:grid;grid-template-columns:68px 1fr;gap:8px}
dt{color:rgba(0,0,0,.55);font-size:12px;line-height:20px}
dd{word-break:break-all;font-variant-numeric:tabular-nums}
.rh-box{border:1px solid #e5e6eb;border-radius:6px;padding:8px 10px;display:flex;flex-direction:column;gap:4px}
.rh-advice{background:#f0f5ff;border-color:#d6e4ff}
.rh-warn{background:#fffbe6;border-color:#ffe58f}
.rh-block{background:#fff2f0;border-color:#ffccc7}
.rh-warn ul{padding-left:18px}
.rh-notice{padding:4px 8px;border-radius:6px;background:#e6f4ff}
.rh-notice.rh-error{background:#fff2f0}.rh-notice.rh-success{background:#f6ffed}
label{display:flex;flex-direction:column;gap:2px;font-size:12px;color:rgba(0,0,0,.55)}
select,textarea,input{font:inherit;font-size:13px;color:rgba(0,0,0,.88);background:#fff;width:100%;border:1px solid #d9d9d9;border-radius:6px;padding:4px 8px;min-height:30px}
textarea{resize:vertical}
select:hover,textarea:hover,input:hover,.rh-btn:hover{border-color:#4096ff}
.rh-btn{font:inherit;font-size:12px;cursor:pointer;border:1px solid #d9d9d9;background:#fff;border-radius:6px;padding:2px 10px;min-height:26px}
.rh-btn[disabled]{cursor:not-allowed;opacity:.6}
.rh-primary{background:#1677ff;border-color:#1677ff;color:#fff;font-size:13px;min-height:32px;margin-top:4px}
.rh-link{all:unset;cursor:pointer;color:#1677ff}
.rh-list{list-style:none;padding:0;display:flex;flex-direction:column;gap:2px}
.rh-ev{all:unset;box-sizing:border-box;display:flex;gap:8px;width:100%;padding:3px 6px;border-radius:6px}
button.rh-ev{cursor:pointer}button.rh-ev:hover{background:#f5f7fa}
.rh-mark{flex:none;display:inline-grid;place-items:center;width:18px;height:18px;border-radius:50%;font:12px/1 sans-serif;margin-top:2px}
.rh-mark.rh-ok{background:#f6ffed;border:1px solid #b7eb8f}
.rh-mark.rh-missing{background:#fff2f0;color:#cf1322;border:1px solid #ffccc7}
pre{padding:6px 8px;background:#f5f7fa;border-radius:6px;white-space:pre-wrap;word-break:break-all;font:12px/1.6 inherit;max-height:180px;overflow:auto}
:focus{outline:0}
:focus-visible{outline:2px solid #1677ff;outline-offset:1px}
`;
