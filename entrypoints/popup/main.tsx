import { render } from 'preact'; render(<p>退款助手</p>, document.getElementById('app')!);
