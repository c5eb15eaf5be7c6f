import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The layer rule lives in eslint.config.js; these cases prove it bites.
const eslint = new ESLint()
async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

describe('the layer rule', () => {
  it.each([
    ['shared/document/x.ts', "import fs from 'node:fs'\nexport const a = fs"],
    ['shared/document/x.ts', "import { app } from 'electron'\nexport const a = app"],
    ['shared/document/x.ts', "import { createEditor } from 'lexical'\nexport const a = createEditor"],
    ['shared/document/x.ts', "import { useState } from 'react'\nexport const a = useState"],
    ['shared/document/x.ts', "import Database from 'better-sqlite3'\nexport const a = Database"],
    ['electron/services/x.ts', "import { ipcMain } from 'electron'\nexport const a = ipcMain"],
    ['electron/services/figures/x.ts', "import { printError } from '../../cli/print'\nexport const a = printError"],
    ['electron/team/x.ts', "import { app } from 'electron'\nexport const a = app"],
    ['electron/team/x.ts', "import { createServices } from '../services'\nexport const a = createServices"],
    ['renderer/app/x.ts', "import fs from 'node:fs'\nexport const a = fs"],
    ['renderer/app/x.ts', "import { createServices } from '../../electron/services'\nexport const a = createServices"],
    ['print/x.ts', "import fs from 'node:fs'\nexport const a = fs"],
    ['print/x.ts', "import { createEditor } from 'lexical'\nexport const a = createEditor"],
  ])('refuses %s importing what its layer may not: %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-imports')
  })

  it('refuses DOM and Node globals in shared/', async () => {
    expect(await ruleIds('shared/document/x.ts', 'export const a = window.location')).toContain('no-restricted-globals')
    expect(await ruleIds('shared/document/x.ts', 'export const a = process.env')).toContain('no-restricted-globals')
  })

  it('allows the imports each layer is meant to use', async () => {
    expect(await ruleIds('shared/document/x.ts', "import { z } from 'zod'\nexport const a = z")).toEqual([])
    expect(await ruleIds('electron/services/x.ts', "import fs from 'node:fs'\nimport { apiContract } from '../../shared/api'\nexport const a = [fs, apiContract]")).toEqual([])
    expect(await ruleIds('print/x.ts', "import { paginate } from '../shared/output/pagination'\nexport const a = [paginate, document.body]")).toEqual([])
    expect(await ruleIds('renderer/app/x.ts', "import { apiContract } from '../../shared/api'\nimport { createEditor } from 'lexical'\nexport const a = [apiContract, createEditor]")).toEqual([])
  })
})
