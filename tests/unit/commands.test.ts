// The keyboard commands: the background forwards a known command to the tab it was pressed in.
import { describe, expect, it, vi } from 'vitest';
import { COMMAND_MESSAGE, forwardCommand, MANIFEST_COMMANDS, PANEL_COMMANDS } from '../../lib/commands';

describe('keyboard commands', () => {
  it('a command goes to its tab as one message; unknown commands and tab-less presses send nothing', () => {
    const send = vi.fn(async () => undefined);
    const on = forwardCommand(send);
    on('toggle-panel', { id: 7 });
    on('fill-form', { id: 8 });
    on('_execute_action', { id: 7 });
    on('toggle-panel', undefined);
    expect(send.mock.calls).toEqual([
      [7, { type: COMMAND_MESSAGE, command: 'toggle-panel' }],
      [8, { type: COMMAND_MESSAGE, command: 'fill-form' }],
    ]);
  });

  it('a tab without the panel (the message fails) is no error', async () => {
    const on = forwardCommand(() => Promise.reject(new Error('Could not establish connection')));
    expect(() => on('toggle-panel', { id: 1 })).not.toThrow();
  });

  it('every command has a suggested key and a description in both languages', () => {
    expect(Object.keys(MANIFEST_COMMANDS).sort()).toEqual([...PANEL_COMMANDS].sort());
    for (const c of Object.values(MANIFEST_COMMANDS)) expect(c.suggested_key.default).toMatch(/^Alt\+Shift\+[A-Z]$/);
  });
});
