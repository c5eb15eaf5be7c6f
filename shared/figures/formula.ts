/**
 * Computed figures: a small formula language over the other figures of the document.
 *
 *   调解数 ÷ 纠纷数 × 100            + − × ÷ (also + - * / and full-width ＋－＊／), parentheses () （）
 *   percent(调解数, 纠纷数)           a / b × 100          (百分比, 占比)
 *   round(投入资金 / 3, 1)            rounding, 0 decimals by default (四舍五入; 取整 = 0 decimals)
 *   sum(a, b, c)  avg  max  min  abs  (求和/合计, 平均, 最大, 最小, 绝对值)
 *   lastYear(x)  growth(x)  change(x) x's last-year value, its change in % and in units (去年/上年, 同比, 增减)
 *   50%                               a percent literal: 0.5
 *
 * Names are the figures' names. Where a name is not a plain word (it holds brackets, operators,
 * spaces or starts with a digit: "召开专题会议（次）", "2024年投入"), it is still recognised when it
 * matches a figure's name exactly; 【name】, [name] or 「name」 quote any name.
 *
 * Nothing here throws for bad input: errors (syntax, unknown name, cycle, division by zero, a
 * reference to an unfilled or text figure, a result too large) come back as values with a code,
 * the names involved and a message (a `formula.*` code), and the table shows them.
 */
import type { Figure } from '../document/model'
import { toHalfWidth } from '../text'
import { MAX_FIGURE_MAGNITUDE, parseNumber, roundNoise } from './numbers'
import { msg, type Message } from '../errors/message'

export type FigureValue = number | string | null

export type FormulaErrorCode =
  | 'syntax'
  | 'unknownName'
  | 'unknownFunction'
  | 'arguments'
  | 'cycle'
  | 'divisionByZero'
  | 'unfilled'
  | 'notNumber'
  | 'noLastYear'
  | 'tooLarge'

export interface FormulaError {
  code: FormulaErrorCode
  /** what is wrong, for the table and the CLI */
  message: Message
  /** the names involved (unknown name, the cycle, the unfilled figure) */
  names?: string[]
  /** character offset in the formula (syntax errors) */
  at?: number
}

export type Evaluation = { ok: true; value: FigureValue } | { ok: false; error: FormulaError }

// ---------------------------------------------------------------------------------------------
// Tokens

type Token =
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'name'; name: string; quoted: boolean; start: number; end: number }
  | { kind: 'op'; op: '+' | '-' | '*' | '/' | '%' | '(' | ')' | ','; start: number; end: number }

const OPS: Record<string, '+' | '-' | '*' | '/' | '%' | '(' | ')' | ','> = {
  '+': '+', '＋': '+', '-': '-', '−': '-', '－': '-', '—': '-',
  '*': '*', '×': '*', '＊': '*', 'x': '*', '/': '/', '÷': '/', '／': '/',
  '%': '%', '％': '%', '(': '(', '（': '(', ')': ')', '）': ')', ',': ',', '，': ',', '、': ',',
}
const QUOTES: Record<string, string> = { '【': '】', '[': ']', '「': '」', '［': '］' }

/** Characters that end a bare name. */
function isNameBreak(ch: string): boolean {
  return /\s/.test(ch) || (OPS[ch] !== undefined && ch !== 'x') || QUOTES[ch] !== undefined || ch === '】' || ch === ']' || ch === '」'
}

class SyntaxProblem {
  constructor(readonly problem: Message, readonly at: number) {}
}

/**
 * Figure names, for reading them whole in a formula: the longest one written at a position is
 * found by trying each length names have (at most MAX_NAME_LENGTH of them), not by trying every
 * name — a table of 100 000 figures costs no more per formula than one of ten.
 */
export class NameSet {
  private readonly names = new Set<string>()
  /** distinct name lengths, longest first */
  private lengths: number[] = []

  constructor(names: Iterable<string> = []) {
    for (const n of names) this.add(n)
  }

  add(name: string): void {
    if (name.trim() === '' || this.names.has(name)) return
    this.names.add(name)
    if (!this.lengths.includes(name.length)) this.lengths = [...this.lengths, name.length].sort((a, b) => b - a)
  }

  has(name: string): boolean {
    return this.names.has(name)
  }

  /** The longest name written at `i` and ending there at a name break (or the end). */
  longestAt(formula: string, i: number): string | undefined {
    const n = formula.length
    for (const length of this.lengths) {
      const end = i + length
      if (end > n) continue
      if (end < n && !isNameBreak(formula[end]!)) continue
      const name = formula.slice(i, end)
      if (this.names.has(name)) return name
    }
    return undefined
  }
}

/** One NameSet per list of names (evaluateFigures passes the same list for every formula). */
const nameSets = new WeakMap<readonly string[], NameSet>()
function nameSetOf(known: readonly string[] | NameSet): NameSet {
  if (known instanceof NameSet) return known
  let set = nameSets.get(known)
  if (!set) nameSets.set(known, (set = new NameSet(known)))
  return set
}

function tokenize(formula: string, knownNames: NameSet): Token[] {
  const tokens: Token[] = []
  let i = 0
  const n = formula.length
  while (i < n) {
    const ch = formula[i]!
    if (/\s/.test(ch)) {
      i++
      continue
    }
    // the longest figure name written here exactly, whatever characters it holds
    const known = knownNames.longestAt(formula, i)
    if (known !== undefined) {
      tokens.push({ kind: 'name', name: known, quoted: false, start: i, end: i + known.length })
      i += known.length
      continue
    }
    const close = QUOTES[ch]
    if (close !== undefined) {
      const end = formula.indexOf(close, i + 1)
      if (end < 0) throw new SyntaxProblem(msg('formula.missingClose', { close }), i)
      const name = formula.slice(i + 1, end).trim()
      if (name === '') throw new SyntaxProblem(msg('formula.emptyBrackets'), i)
      tokens.push({ kind: 'name', name, quoted: true, start: i, end: end + 1 })
      i = end + 1
      continue
    }
    const half = toHalfWidth(ch)
    if (/[\d.]/.test(half)) {
      let j = i
      while (j < n && /[\d.,]/.test(toHalfWidth(formula[j]!))) j++
      // "2024年投入": digits glued to a word are the start of a name
      if (j < n && !isNameBreak(formula[j]!) && !/[\d.]/.test(toHalfWidth(formula[j]!))) {
        let k = j
        while (k < n && !isNameBreak(formula[k]!)) k++
        tokens.push({ kind: 'name', name: formula.slice(i, k), quoted: false, start: i, end: k })
        i = k
        continue
      }
      const text = toHalfWidth(formula.slice(i, j)).replace(/,(?=\d{3}(?!\d))/g, '')
      if (text.includes(',')) {
        // "1,2" is two arguments, not a number: give back the comma
        const comma = formula.slice(i, j).search(/[,，]/)
        j = i + comma
      }
      const value = Number(toHalfWidth(formula.slice(i, j)).replace(/,/g, ''))
      if (!Number.isFinite(value) || formula.slice(i, j) === '.') throw new SyntaxProblem(msg('formula.notNumber', { text: formula.slice(i, j) }), i)
      tokens.push({ kind: 'number', value, start: i, end: j })
      i = j
      continue
    }
    const op = OPS[ch]
    if (op !== undefined && ch !== 'x') {
      tokens.push({ kind: 'op', op, start: i, end: i + 1 })
      i++
      continue
    }
    // 'x' between two operands is multiplication ("3 x 4"); otherwise it starts a name
    if (ch === 'x' && tokens.length > 0 && tokens[tokens.length - 1]!.kind !== 'op' && i + 1 < n && /\s/.test(formula[i + 1]!) && i > 0 && /\s/.test(formula[i - 1]!)) {
      tokens.push({ kind: 'op', op: '*', start: i, end: i + 1 })
      i++
      continue
    }
    if (ch === '】' || ch === ']' || ch === '」' || ch === '］') throw new SyntaxProblem(msg('formula.extraClose', { char: ch }), i)
    let j = i
    while (j < n && !isNameBreak(formula[j]!)) j++
    tokens.push({ kind: 'name', name: formula.slice(i, j), quoted: false, start: i, end: j })
    i = j
  }
  return tokens
}

// ---------------------------------------------------------------------------------------------
// Syntax tree

export type FormulaNode =
  | { type: 'number'; value: number }
  | { type: 'ref'; name: string; start: number; end: number }
  | { type: 'neg'; arg: FormulaNode }
  | { type: 'percent'; arg: FormulaNode }
  | { type: 'binary'; op: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode }
  | { type: 'call'; fn: FunctionName; args: FormulaNode[]; name: string }

type FunctionName = 'round' | 'floor' | 'sum' | 'avg' | 'max' | 'min' | 'abs' | 'percent' | 'lastYear' | 'growth' | 'change'

const FUNCTIONS: Record<string, FunctionName> = {
  round: 'round', 四舍五入: 'round', 取整: 'floor', int: 'floor',
  sum: 'sum', 求和: 'sum', 合计: 'sum', 总和: 'sum',
  avg: 'avg', average: 'avg', 平均: 'avg', 平均值: 'avg',
  max: 'max', 最大: 'max', 最大值: 'max', min: 'min', 最小: 'min', 最小值: 'min',
  abs: 'abs', 绝对值: 'abs',
  percent: 'percent', 百分比: 'percent', 占比: 'percent', 比率: 'percent',
  lastyear: 'lastYear', 去年: 'lastYear', 上年: 'lastYear', 上年度: 'lastYear',
  growth: 'growth', 同比: 'growth', 增长率: 'growth', 同比增长: 'growth',
  change: 'change', 增减: 'change', 增加: 'change', 差额: 'change',
}

export interface ParsedFormula {
  ok: true
  node: FormulaNode
  /** every figure name the formula refers to, in order of appearance, with where it stands */
  refs: { name: string; start: number; end: number }[]
}

/** Parses a formula; `knownNames` lets names with brackets or operators in them be read whole. */
export function parseFormula(formula: string, knownNames: readonly string[] | NameSet = []): ParsedFormula | { ok: false; error: FormulaError } {
  const names = nameSetOf(knownNames)
  let tokens: Token[]
  try {
    tokens = tokenize(formula, names)
  } catch (err) {
    if (err instanceof SyntaxProblem) return { ok: false, error: syntaxError(err.problem, err.at) }
    throw err
  }
  if (tokens.length === 0) return { ok: false, error: syntaxError(msg('formula.empty'), 0) }
  let pos = 0
  const refs: ParsedFormula['refs'] = []
  const peek = (): Token | undefined => tokens[pos]
  const isOp = (t: Token | undefined, op: string): boolean => t?.kind === 'op' && t.op === op
  const fail = (problem: Message, t: Token | undefined): never => {
    throw new SyntaxProblem(problem, t ? t.start : formula.length)
  }
  type BinaryOp = '+' | '-' | '*' | '/'
  /** One precedence level: operands joined by its operators, left to right (a - b - c is (a - b) - c). */
  const level = (ops: readonly BinaryOp[], operand: () => FormulaNode) => (): FormulaNode => {
    let left = operand()
    for (let t = peek(); t?.kind === 'op' && (ops as readonly string[]).includes(t.op); t = peek()) {
      pos++
      left = { type: 'binary', op: t.op as BinaryOp, left, right: operand() }
    }
    return left
  }
  const term = level(['*', '/'], () => unary())
  const expr = level(['+', '-'], term)
  const unary = (): FormulaNode => {
    const t = peek()
    if (isOp(t, '-')) {
      pos++
      return { type: 'neg', arg: unary() }
    }
    if (isOp(t, '+')) {
      pos++
      return unary()
    }
    let node = primary()
    while (isOp(peek(), '%')) {
      pos++
      node = { type: 'percent', arg: node }
    }
    return node
  }
  const primary = (): FormulaNode => {
    const t = peek()
    if (!t) return fail(msg('formula.incomplete'), t)
    if (t.kind === 'number') {
      pos++
      return { type: 'number', value: t.value }
    }
    if (t.kind === 'name') {
      pos++
      const fn = t.quoted ? undefined : FUNCTIONS[t.name.toLowerCase()]
      if (fn && isOp(peek(), '(') && !names.has(t.name)) {
        pos++
        const args: FormulaNode[] = []
        if (!isOp(peek(), ')')) {
          args.push(expr())
          while (isOp(peek(), ',')) {
            pos++
            args.push(expr())
          }
        }
        if (!isOp(peek(), ')')) fail(msg('formula.callNotClosed', { fn: t.name }), peek())
        pos++
        return { type: 'call', fn, args, name: t.name }
      }
      refs.push({ name: t.name, start: t.start, end: t.end })
      return { type: 'ref', name: t.name, start: t.start, end: t.end }
    }
    if (t.op === '(') {
      pos++
      const inner = expr()
      if (!isOp(peek(), ')')) fail(msg('formula.parenNotClosed'), peek())
      pos++
      return inner
    }
    if (t.op === ')') return fail(msg('formula.extraParen'), t)
    return fail(msg('formula.missingOperand', { text: formula.slice(t.start, t.end) }), t)
  }
  try {
    const node = expr()
    const rest = peek()
    if (rest) {
      if (isOp(rest, ')')) fail(msg('formula.extraParen'), rest)
      fail(msg('formula.missingOperator', { text: formula.slice(rest.start, rest.end) }), rest)
    }
    return { ok: true, node, refs }
  } catch (err) {
    if (err instanceof SyntaxProblem) return { ok: false, error: syntaxError(err.problem, err.at) }
    throw err
  }
}

function syntaxError(problem: Message, at: number): FormulaError {
  return { code: 'syntax', message: msg('formula.syntax', { at: at + 1 }, { problem }), at }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

class EvalProblem {
  constructor(readonly error: FormulaError) {}
}

export interface FormulaScope {
  /** a referenced figure's value (already evaluated); undefined when there is no such figure */
  value(name: string): Evaluation | undefined
  lastYear(name: string): number | undefined
}

function numberOf(name: string, evaluation: Evaluation | undefined): number {
  if (!evaluation) throw new EvalProblem({ code: 'unknownName', message: msg('formula.unknownName', { name }), names: [name] })
  if (!evaluation.ok) {
    if (evaluation.error.code === 'cycle') throw new EvalProblem(evaluation.error)
    throw new EvalProblem({ code: evaluation.error.code === 'unfilled' ? 'unfilled' : 'notNumber', message: msg('formula.refError', { name }, { reason: evaluation.error.message }), names: [name, ...(evaluation.error.names ?? [])] })
  }
  const v = evaluation.value
  if (v === null || (typeof v === 'string' && v.trim() === '')) throw new EvalProblem({ code: 'unfilled', message: msg('formula.unfilled', { name }), names: [name] })
  if (typeof v === 'number') return v
  const parsed = parseNumber(v)
  if (parsed === null) throw new EvalProblem({ code: 'notNumber', message: msg('formula.textValue', { name, text: v.slice(0, 20) }), names: [name] })
  return parsed
}

function checkSize(value: number): number {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_FIGURE_MAGNITUDE) throw new EvalProblem({ code: 'tooLarge', message: msg('formula.tooLarge') })
  return value
}

function evalNode(node: FormulaNode, scope: FormulaScope): number {
  switch (node.type) {
    case 'number':
      return node.value
    case 'ref':
      return numberOf(node.name, scope.value(node.name))
    case 'neg':
      return -evalNode(node.arg, scope)
    case 'percent':
      return evalNode(node.arg, scope) / 100
    case 'binary':
      return evalBinary(node.op, evalNode(node.left, scope), evalNode(node.right, scope))
    case 'call':
      return evalCall(node, scope)
  }
}

function evalBinary(op: '+' | '-' | '*' | '/', a: number, b: number): number {
  switch (op) {
    case '+':
      return checkSize(a + b)
    case '-':
      return checkSize(a - b)
    case '*':
      return checkSize(a * b)
    case '/':
      if (b === 0) throw new EvalProblem({ code: 'divisionByZero', message: msg('formula.divisionByZero') })
      return checkSize(a / b)
  }
}

function argCount(node: Extract<FormulaNode, { type: 'call' }>, min: number, max: number): void {
  const n = node.args.length
  if (n < min || n > max) {
    const fn = node.name
    const message =
      min === max ? msg('formula.argsExactly', { fn, count: min, given: n }) : max === Infinity ? msg('formula.argsAtLeast', { fn, min, given: n }) : msg('formula.argsBetween', { fn, min, max, given: n })
    throw new EvalProblem({ code: 'arguments', message })
  }
}

function refName(node: Extract<FormulaNode, { type: 'call' }>): string {
  const arg = node.args[0]
  if (node.args.length !== 1 || arg?.type !== 'ref') throw new EvalProblem({ code: 'arguments', message: msg('formula.refArgument', { fn: node.name }) })
  return arg.name
}

function lastYearOf(node: Extract<FormulaNode, { type: 'call' }>, scope: FormulaScope): { name: string; now: number; before: number } {
  const name = refName(node)
  const now = numberOf(name, scope.value(name))
  const before = scope.lastYear(name)
  if (before === undefined) throw new EvalProblem({ code: 'noLastYear', message: msg('formula.noLastYear', { name }), names: [name] })
  return { name, now, before }
}

function evalCall(node: Extract<FormulaNode, { type: 'call' }>, scope: FormulaScope): number {
  const all = (): number[] => node.args.map((a) => evalNode(a, scope))
  switch (node.fn) {
    case 'round':
    case 'floor': {
      argCount(node, 1, 2)
      const [x, d = 0] = all() as [number, number?]
      if (!Number.isInteger(d) || d < 0 || d > 6) throw new EvalProblem({ code: 'arguments', message: msg('formula.decimals', { fn: node.name }) })
      const f = 10 ** d
      const scaled = roundNoise(Math.abs(x) * f)
      const r = (node.fn === 'round' ? Math.round(scaled) : Math.floor(scaled)) / f
      return x < 0 ? -r : r
    }
    case 'sum':
      argCount(node, 1, Infinity)
      return checkSize(all().reduce((a, b) => a + b, 0))
    case 'avg': {
      argCount(node, 1, Infinity)
      const xs = all()
      return xs.reduce((a, b) => a + b, 0) / xs.length
    }
    case 'max':
      argCount(node, 1, Infinity)
      return Math.max(...all())
    case 'min':
      argCount(node, 1, Infinity)
      return Math.min(...all())
    case 'abs':
      argCount(node, 1, 1)
      return Math.abs(all()[0]!)
    case 'percent': {
      argCount(node, 2, 2)
      const [a, b] = all() as [number, number]
      if (b === 0) throw new EvalProblem({ code: 'divisionByZero', message: msg('formula.divisionByZero') })
      return checkSize((a / b) * 100)
    }
    case 'lastYear': {
      const name = refName(node)
      const before = scope.lastYear(name)
      if (scope.value(name) === undefined) throw new EvalProblem({ code: 'unknownName', message: msg('formula.unknownName', { name }), names: [name] })
      if (before === undefined) throw new EvalProblem({ code: 'noLastYear', message: msg('formula.noLastYear', { name }), names: [name] })
      return before
    }
    case 'growth': {
      const { now, before } = lastYearOf(node, scope)
      if (before === 0) throw new EvalProblem({ code: 'divisionByZero', message: msg('formula.lastYearZero') })
      return checkSize(((now - before) / Math.abs(before)) * 100)
    }
    case 'change': {
      const { now, before } = lastYearOf(node, scope)
      return checkSize(now - before)
    }
  }
}

/** Whether the formula's outermost operation is an explicit rounding (then its decimals are kept). */
function roundsItself(node: FormulaNode): boolean {
  return node.type === 'call' && (node.fn === 'round' || node.fn === 'floor')
}

/** Decimals a computed value keeps unless the formula rounds itself. */
export const FORMULA_DECIMALS = 2

/** Evaluates one formula in a scope (figure values looked up by name). */
export function evaluateFormula(formula: string, scope: FormulaScope, knownNames: readonly string[] | NameSet = []): Evaluation {
  const parsed = parseFormula(formula, knownNames)
  if (!parsed.ok) return parsed
  try {
    const raw = evalNode(parsed.node, scope)
    const value = roundsItself(parsed.node) ? raw : Math.round(raw * 10 ** FORMULA_DECIMALS) / 10 ** FORMULA_DECIMALS
    return { ok: true, value: checkSize(roundNoise(value) + 0) }
  } catch (err) {
    if (err instanceof EvalProblem) return { ok: false, error: err.error }
    throw err
  }
}

/** True when the figure is computed (has a non-blank formula). */
export function isComputed(figure: Pick<Figure, 'formula'>): boolean {
  return figure.formula !== undefined && figure.formula.trim() !== ''
}

/**
 * Every figure's current value: typed values as they are, formulas evaluated over the others
 * (each once, in dependency order). Figures in a cycle all get a `cycle` error naming it.
 * Names are matched exactly; when two figures share a name, the first one wins.
 */
export function evaluateFigures(figures: readonly Figure[]): Map<string, Evaluation> {
  const byName = new Map<string, Figure>()
  for (const f of figures) if (!byName.has(f.name)) byName.set(f.name, f)
  const names = [...byName.keys()]
  const results = new Map<string, Evaluation>()
  const stack: string[] = [] // names being evaluated, for cycle detection
  const evaluate = (figure: Figure): Evaluation => {
    const done = results.get(figure.id)
    if (done) return done
    if (!isComputed(figure)) {
      const result: Evaluation = { ok: true, value: figure.value }
      results.set(figure.id, result)
      return result
    }
    const at = stack.indexOf(figure.name)
    if (at >= 0) {
      const cycle = [...stack.slice(at), figure.name]
      return { ok: false, error: { code: 'cycle', message: msg('formula.cycle', { names: cycle.join(' → ') }), names: cycle } }
    }
    stack.push(figure.name)
    const scope: FormulaScope = {
      value: (name) => {
        const f = byName.get(name)
        return f ? evaluate(f) : undefined
      },
      lastYear: (name) => byName.get(name)?.lastYear,
    }
    const result = evaluateFormula(figure.formula!, scope, names)
    stack.pop()
    results.set(figure.id, result)
    return result
  }
  for (const f of figures) evaluate(f)
  return results
}

/** The figure names a formula refers to (unknown ones included), for rename and the dependency view. */
export function formulaReferences(formula: string, knownNames: readonly string[] | NameSet = []): string[] {
  const parsed = parseFormula(formula, knownNames)
  return parsed.ok ? [...new Set(parsed.refs.map((r) => r.name))] : []
}

/** A name as a formula can hold it: quoted with 【】 unless it is a plain word. */
export function quoteName(name: string): string {
  const plain = name !== '' && ![...name].some(isNameBreak) && !/^[\d.]/.test(toHalfWidth(name)) && FUNCTIONS[name.toLowerCase()] === undefined
  return plain ? name : `【${name}】`
}

/**
 * The formula with every reference to `from` renamed to `to`, the rest of its text untouched.
 * A formula that does not parse is returned as it is.
 */
export function renameInFormula(formula: string, from: string, to: string, knownNames: readonly string[] = []): string {
  const parsed = parseFormula(formula, [...knownNames, from])
  if (!parsed.ok) return formula
  let out = ''
  let at = 0
  for (const ref of parsed.refs) {
    if (ref.name !== from) continue
    out += formula.slice(at, ref.start) + quoteName(to)
    at = ref.end
  }
  return out + formula.slice(at)
}
