/**
 * The commands the main process sends to the renderer. The list itself lives in
 * shared/commands.ts (the renderer imports it from there); this module re-exports it so the
 * main-process code has one import and the two can never drift apart.
 */
export { APP_COMMANDS, COMMAND_CHANNEL, isAppCommand } from '../../shared/commands'
export type { AppCommand } from '../../shared/commands'

import type { AppCommand } from '../../shared/commands'

/** Sends one command to the renderer (main.ts binds it to the focused window's webContents). */
export type SendCommand = (command: AppCommand) => void
