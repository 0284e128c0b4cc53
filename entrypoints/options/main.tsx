import { render } from 'preact'; render(<p>设置</p>, document.getElementById('app')!);
