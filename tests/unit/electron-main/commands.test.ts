import { describe, expect, it } from 'vitest'
import * as main from '../../../electron/main/commands'
import * as shared from '../../../shared/commands'

describe('app commands', () => {
  it('are the same list for main and renderer', () => {
    expect(main.APP_COMMANDS).toBe(shared.APP_COMMANDS)
    expect(main.COMMAND_CHANNEL).toBe('draftdesk:command')
    expect(new Set(shared.APP_COMMANDS).size).toBe(shared.APP_COMMANDS.length)
    expect(shared.APP_COMMANDS).toEqual(['document.new', 'document.fromTemplate', 'document.import', 'document.snapshot', 'edit.undo', 'edit.redo', 'find', 'replace', 'library.changed'])
  })

  it('recognizes only known commands', () => {
    expect(shared.isAppCommand('find')).toBe(true)
    expect(shared.isAppCommand('document.delete')).toBe(false)
    expect(shared.isAppCommand(42)).toBe(false)
    expect(shared.isAppCommand(undefined)).toBe(false)
  })
})
