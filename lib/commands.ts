/*
 * The keyboard commands (the manifest's `commands`; the merchant changes the keys in the
 * browser's shortcut settings): the background gets the key press and tells the panel of the
 * tab it was pressed in.
 */
export const PANEL_COMMANDS = ['toggle-panel', 'fill-form'] as const;
export type PanelCommand = (typeof PANEL_COMMANDS)[number];

/** The message's `type` (the panel's runtime listens for it; only the extension can send it to a tab). */
export const COMMAND_MESSAGE = 'refund-helper:command';

export function isPanelCommand(x: unknown): x is PanelCommand {
  return (PANEL_COMMANDS as readonly unknown[]).includes(x);
}

/** The manifest's entries: the keys suggested, and what each does in the browser's list. */
export const MANIFEST_COMMANDS: Record<PanelCommand, { suggested_key: { default: string }; description: string }> = {
  'toggle-panel': { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_cmdToggle__' },
  'fill-form': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_cmdFill__' },
};

/** The background's listener: the command goes to the tab it was pressed in (nothing else is sent). */
export function forwardCommand(send: (tabId: number, message: unknown) => Promise<unknown>) {
  return (command: string, tab?: { id?: number }) => {
    if (tab?.id !== undefined && isPanelCommand(command)) void send(tab.id, { type: COMMAND_MESSAGE, command }).catch(() => {});
  };
}
