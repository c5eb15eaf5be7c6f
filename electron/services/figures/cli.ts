/**
 * `npm run cli -- figures …`: a stored document's figure table from the command line, through the
 * API like the app (honours --data-dir).
 *
 *   figures list DOC [--json]                  name, value as shown, uses; --json prints
 *                                              [{ figure, text, unfilled, computed?, error?, uses, comparison? }]
 *   figures set DOC NAME VALUE [--create]      VALUE as typed in the table: 3, 1000余份, 九, 95%, "" to clear
 *   figures import DOC FILE [--dry-run] [--json]
 *                                              .xlsx or .csv by figure name (update, create); prints the
 *                                              preview, then stores it unless --dry-run
 */
import fs from 'node:fs'
import path from 'node:path'
import { SHEET_MAX_BYTES } from '../../../shared/api'
import { callApi, type ApiHandlers } from '../handlers'

export interface FigureCliOptions {
  json?: boolean | undefined
  create?: boolean | undefined
  'dry-run'?: boolean | undefined
}

export const FIGURES_OPTIONS = {
  create: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
} as const

type Out = { log: (s: string) => void; error: (s: string) => void }

export const FIGURES_USAGE = `  figures list DOC [--json]
  figures set DOC 名称 数值 [--create]        数值如 3、1000余份、九、95%；"" 清空
  figures import DOC FILE [--dry-run] [--json]  (.xlsx / .csv，按名称更新或新增)`

export async function runFiguresCli(h: ApiHandlers, args: string[], values: FigureCliOptions, out: Out): Promise<number> {
  const [sub, id, ...rest] = args
  if (!sub || !id) {
    out.error(`figures 需要子命令和文档 ID / figures needs a subcommand and a document id\n${FIGURES_USAGE}`)
    return 2
  }
  switch (sub) {
    case 'list': {
      const items = await callApi(h, 'figures.list', { id })
      if (values.json) out.log(JSON.stringify(items, null, 2))
      else if (items.length === 0) out.log('（没有数据 / no figures）')
      else {
        for (const item of items) {
          const extra = [item.error ? `错误：${item.error}` : '', item.comparison ?? '', item.figure.formula ? `= ${item.figure.formula}` : ''].filter(Boolean).join('  ')
          out.log(`${item.figure.name}\t${item.text}\t${item.uses}处${extra ? `\t${extra}` : ''}`)
        }
      }
      return 0
    }
    case 'set': {
      const [name, value] = rest
      if (name === undefined || value === undefined) {
        out.error(`figures set 需要名称和数值 / figures set needs NAME and VALUE\n${FIGURES_USAGE}`)
        return 2
      }
      const { item, created } = await callApi(h, 'figures.set', { id, name, value, create: values.create ?? false })
      if (values.json) out.log(JSON.stringify(item, null, 2))
      else out.log(`${created ? '已新增' : '已更新'}「${item.figure.name}」：${item.text}（正文${item.uses}处）`)
      return 0
    }
    case 'import': {
      const [file] = rest
      if (!file) {
        out.error(`figures import 需要文件 / figures import needs a FILE\n${FIGURES_USAGE}`)
        return 2
      }
      const stat = fs.statSync(file, { throwIfNoEntry: false })
      if (!stat?.isFile()) {
        out.error(`找不到文件 / no such file: ${file}`)
        return 1
      }
      if (stat.size > SHEET_MAX_BYTES) {
        out.error(`表格文件超过 ${SHEET_MAX_BYTES / 1024 / 1024} MB / the sheet is too large: ${file}`)
        return 1
      }
      const result = await callApi(h, 'figures.import', {
        id,
        name: path.basename(file),
        dataBase64: fs.readFileSync(file).toString('base64'),
        apply: !values['dry-run'],
      })
      if (values.json) out.log(JSON.stringify(result, null, 2))
      else {
        for (const line of result.lines) out.log(line)
        if (result.applied) out.log('已导入 / imported')
        else if (!result.fatal && values['dry-run']) out.log('（--dry-run：未保存 / not saved）')
      }
      return result.fatal ? 1 : 0
    }
    default:
      out.error(`未知的 figures 子命令 / unknown figures subcommand: ${sub}\n${FIGURES_USAGE}`)
      return 2
  }
}
