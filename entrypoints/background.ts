import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { createBackground } from '../lib/background';
import { forwardCommand } from '../lib/commands';

// Wiring only (see lib/background.ts); listeners are registered synchronously on every load.
export default defineBackground(() => {
  createBackground();
  browser.commands.onCommand.addListener(forwardCommand((tabId, message) => browser.tabs.sendMessage(tabId, message)));
});
