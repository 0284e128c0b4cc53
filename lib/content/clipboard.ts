/* The 联系客服 message's copy button. */
/**
 * Copy with the async Clipboard API. It needs a secure context: on plain http (the demo) the
 * merchant selects the message, which is focusable, and copies it by hand.
 */
export function copyText(win: Window) {
  return (text: string): Promise<boolean> =>
    win.isSecureContext && win.navigator.clipboard
      ? win.navigator.clipboard.writeText(text).then(
          () => true,
          () => false,
        )
      : Promise.resolve(false);
}
