/**
 * The API contract between the renderer and the back end. One table of methods, each with a zod
 * schema for its input and its output, assembled here from one file per feature. Two transports
 * carry it (Electron IPC and the browser shell's HTTP); both validate the input on arrival, and the
 * client validates the output.
 *
 * To add a method: declare it in its feature's contract here, then implement it in that feature's
 * electron/services/<feature>/handlers.ts (the handler map's type comes from the contract, so a
 * missing or mistyped handler fails the typecheck).
 */
import type { z } from 'zod'
import { assetsContract } from './assets'
import { backupsContract } from './backups'
import type { Contract } from './common'
import { documentsContract } from './documents'
import { figuresContract } from './figures'
import { importContract } from './import'
import { libraryContract } from './library'
import { outputContract } from './output'
import { revisionsContract } from './revisions'
import { snippetsContract } from './snippets'
import { teamContract } from './team'

export * from './common'
export * from './library'
export * from './documents'
export * from './revisions'
export * from './import'
export * from './figures'
export * from './snippets'
export * from './output'
export * from './assets'
export * from './backups'
export * from './team'

/** The method table. */
export const apiContract = {
  ...libraryContract,
  ...documentsContract,
  /** 版本记录: a revision's text, restoring it */
  ...revisionsContract,
  ...importContract,
  /** 数据表: figures of a stored document (CLI) and spreadsheets */
  ...figuresContract,
  /** 素材库: search, edit, categories, import/export, harvest */
  ...snippetsContract,
  /** 出稿: export, print, 定稿 */
  ...outputContract,
  /** seal and signature images of the 落款 */
  ...assetsContract,
  /** backups of the 文稿库, restore, salvage */
  ...backupsContract,
  /** 团队: membership of the office's team server, team documents' local copies */
  ...teamContract,
} as const satisfies Contract

export type ApiContract = typeof apiContract
export type ApiMethod = keyof ApiContract
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>
export type ApiOutput<M extends ApiMethod> = z.output<ApiContract[M]['output']>

export const API_METHODS = Object.keys(apiContract) as ApiMethod[]
export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(apiContract, name)
}

/** What the renderer holds: one typed call per method. */
export interface ApiClient {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>
}

/** The IPC channel name for a method (one handler per method in Electron main). */
export const ipcChannel = (method: ApiMethod): string => `draftdesk:${method}`
