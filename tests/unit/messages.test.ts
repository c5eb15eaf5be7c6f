/**
 * Errors and findings are codes with params; the words are the catalogues of shared/i18n. Every
 * code must have its words in every language, with exactly the placeholders the code declares.
 */
import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  ApiError,
  ApiErrorSchema,
  ERROR_CODE_LIST,
  FINDING_CODE_LIST,
  MessageSchema,
  issueMessage,
  msg,
  placeholderSpec,
  type MessageCode,
} from '../../shared/errors'
import { base64Data } from '../../shared/errors/schemas'
import { formatMessage, LANGS, MESSAGE_CATALOGUES, messageText, namespaceOf, placeholders, type Lang } from '../../shared/i18n/format'
import { errorMessage, translateMessage } from '../../renderer/app/errors'

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort()

/** What is wrong with a catalogue, measured against the code list (never against its own keys). */
function catalogueProblems(codes: readonly MessageCode[], catalogue: Record<string, string>): string[] {
  const problems: string[] = []
  for (const code of codes) {
    const text = catalogue[code]
    if (typeof text !== 'string' || text.trim() === '') {
      problems.push(`${code}: no message`)
      continue
    }
    const want = sorted(placeholderSpec(code).map((n) => n.replace(/^\*/, '')))
    const have = sorted(placeholders(text))
    if (JSON.stringify(want) !== JSON.stringify(have)) problems.push(`${code}: placeholders ${have.join(',')} ≠ declared ${want.join(',')}`)
  }
  for (const key of Object.keys(catalogue)) if (!codes.includes(key as MessageCode)) problems.push(`${key}: not a code`)
  return problems
}

describe('the code list and its catalogues', () => {
  it('has no code twice across errors and findings', () => {
    expect(ERROR_CODE_LIST.filter((c) => (FINDING_CODE_LIST as string[]).includes(c))).toEqual([])
  })

  it.each(LANGS)('%s has a message for every code, with the declared placeholders', (lang) => {
    expect(catalogueProblems(ERROR_CODE_LIST, MESSAGE_CATALOGUES[lang].errors)).toEqual([])
    expect(catalogueProblems(FINDING_CODE_LIST, MESSAGE_CATALOGUES[lang].findings)).toEqual([])
  })

  it('has the same placeholders in every language', () => {
    for (const code of [...ERROR_CODE_LIST, ...FINDING_CODE_LIST]) {
      const ns = namespaceOf(code)
      const zh = sorted(placeholders((MESSAGE_CATALOGUES['zh-CN'][ns] as Record<string, string>)[code]!))
      const en = sorted(placeholders((MESSAGE_CATALOGUES.en[ns] as Record<string, string>)[code]!))
      expect(en, code).toEqual(zh)
    }
  })

  it('catches a missing message, a stray placeholder and a stale key', () => {
    const broken: Record<string, string> = { ...MESSAGE_CATALOGUES.en.errors, 'documents.notFound': 'no document {{name}}', 'gone.code': 'x' }
    delete broken['import.empty']
    expect(catalogueProblems(ERROR_CODE_LIST, broken)).toEqual([
      'documents.notFound: placeholders name ≠ declared id',
      'import.empty: no message',
      'gone.code: not a code',
    ])
  })
})

describe('formatMessage (Node: the CLI, logs, ApiError.message)', () => {
  it('fills params and parts in either language, Chinese by default', () => {
    expect(formatMessage('documents.notFound', { id: 'abc123' })).toBe('没有这篇文档（abc123）')
    expect(formatMessage('documents.notFound', { id: 'abc123' }, 'en')).toBe('no document abc123')
    const notText = msg('import.notText', {}, { kind: msg('fileKind.png') })
    expect(messageText(notText)).toBe('这不是文本文件，而是PNG 图片，无法作为文本导入')
    expect(messageText(notText, 'en')).toBe('this is not a text file but a PNG image; it cannot be imported as text')
  })

  it('joins a list of parts with the language’s separator, nesting as deep as needed', () => {
    const row = msg('sheet.rowNotImported', { row: 3, name: '会议' }, {
      reasons: [msg('sheet.badStyle', { value: '花体' }), msg('formula.syntax', { at: 2 }, { problem: msg('formula.extraParen') })],
    })
    expect(messageText(row)).toBe('第3行「会议」未导入：样式“花体”无效（可用：阿拉伯数字、千分位、中文数字、万亿）；公式有误（第2个字符）：多余的右括号')
    expect(messageText(row, 'en')).toMatch(/^row 3 “会议” is not imported: style “花体” is not valid .*; formula error \(character 2\): unexpected closing parenthesis$/)
  })
})

describe('ApiError and the transports', () => {
  it('carries a code and params; its message is the Chinese words', () => {
    const err = new ApiError('library.newerVersion', { version: 9 })
    expect(err).toMatchObject({ code: 'library.newerVersion', params: { version: 9 }, message: '由更新版本的稿台创建（结构版本 9），请升级稿台' })
    expect(err.toMessage()).toEqual({ code: 'library.newerVersion', params: { version: 9 } })
    const back = ApiError.from(ApiErrorSchema.parse(JSON.parse(JSON.stringify(err.toMessage()))))
    expect(back).toBeInstanceOf(ApiError)
    expect(back.toMessage()).toEqual(err.toMessage())
  })

  it('validates { code, params } on arrival: known code, exactly its params and parts', () => {
    expect(MessageSchema.safeParse({ code: 'documents.notFound', params: { id: 'x' } }).success).toBe(true)
    expect(MessageSchema.safeParse({ code: 'documents.notFound', params: {} }).success).toBe(false)
    expect(MessageSchema.safeParse({ code: 'documents.notFound', params: { id: 'x', extra: 1 } }).success).toBe(false)
    expect(MessageSchema.safeParse({ code: 'no.such', params: {} }).success).toBe(false)
    expect(MessageSchema.safeParse({ code: 'import.notText', params: {} }).success).toBe(false)
    expect(MessageSchema.safeParse({ code: 'import.notText', params: {}, parts: { kind: { code: 'fileKind.pdf', params: {} } } }).success).toBe(true)
    expect(MessageSchema.safeParse({ code: 'documents.notFound', params: { id: { nested: true } } }).success).toBe(false)
    // a finding is not an error
    expect(ApiErrorSchema.safeParse({ code: 'check.missingDate', params: {} }).success).toBe(false)
  })

  it('turns a schema’s own check into its code, and zod’s checks into input.fieldInvalid', () => {
    const schema = z.strictObject({ data: base64Data(5 * 1024 * 1024), n: z.number() })
    const tooLarge = schema.safeParse({ data: 'A'.repeat(8 * 1024 * 1024), n: 1 })
    expect(issueMessage(tooLarge.error?.issues[0])).toEqual({ code: 'input.fileTooLarge', params: { limit: 5 } })
    const notBase64 = schema.safeParse({ data: '这不是', n: 1 })
    expect(issueMessage(notBase64.error?.issues[0])).toEqual({ code: 'input.notBase64', params: {} })
    const wrongType = schema.safeParse({ data: '', n: 'x' })
    expect(issueMessage(wrongType.error?.issues[0])).toMatchObject({ code: 'input.fieldInvalid', params: { field: 'n' } })
  })
})

describe('the renderer’s translation (i18next namespaces errors and findings)', () => {
  beforeAll(async () => {
    await i18next.init({
      resources: { 'zh-CN': { translation: {}, ...MESSAGE_CATALOGUES['zh-CN'] }, en: { translation: {}, ...MESSAGE_CATALOGUES.en } },
      lng: 'zh-CN',
      fallbackLng: 'zh-CN',
      interpolation: { escapeValue: false },
    })
  })

  it.each(LANGS)('%s: says what formatMessage says, parts and all', async (lang: Lang) => {
    await i18next.changeLanguage(lang)
    const samples = [
      msg('figureCheck.unfilled', { name: '会议次数', uses: 2, shown: '〔会议次数〕' }),
      msg('check.placeholders', { tokens: 'x」「xx', count: 3 }),
      msg('library.unavailable', {}, { reason: msg('library.damaged', { detail: 'page 3' }) }),
      msg('sheet.rowNotImported', { row: 2, name: 'a' }, { reasons: [msg('figures.nameEmpty'), msg('formula.divisionByZero')] }),
    ]
    for (const m of samples) expect(translateMessage(m)).toBe(messageText(m, lang))
  })

  it('translates an ApiError by its code, and names what failed for anything else', async () => {
    await i18next.changeLanguage('en')
    expect(errorMessage(new ApiError('snippets.categoryExists', { name: '开头' }))).toBe('category “开头” exists')
    expect(errorMessage(new TypeError('x is undefined'))).toBe('unexpected error: x is undefined')
    await i18next.changeLanguage('zh-CN')
    expect(errorMessage(new ApiError('transport.unreachable', { method: 'documents.list', detail: 'Failed to fetch' }))).toBe('无法连接后台（documents.list）：Failed to fetch')
    expect(errorMessage('boom')).toBe('出现意外错误：boom')
  })
})
