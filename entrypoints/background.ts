import { defineBackground } from 'wxt/utils/define-background';
import { createBackground } from '../lib/background';

// Wiring only (see lib/background.ts); listeners are registered synchronously on every load.
export default defineBackground(() => {
  createBackground();
});
