/** One figure, printed as one JSON line. */
export interface Figure {
  name: string
  unit: 'ms'
  median: number
  p95: number
  runs: number
  target?: { stat: 'median' | 'p95'; max: number }
  note?: string
}

export function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[i] ?? NaN
}

export function report(name: string, samples: number[], target?: Figure['target'], note?: string): Figure {
  const round = (n: number) => Math.round(n * 100) / 100
  const figure: Figure = { name, unit: 'ms', median: round(quantile(samples, 0.5)), p95: round(quantile(samples, 0.95)), runs: samples.length }
  if (target) Object.assign(figure, { target, pass: (target.stat === 'median' ? figure.median : figure.p95) <= target.max })
  if (note) figure.note = note
  console.log(JSON.stringify(figure))
  return figure
}

export async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

/** Minimal view of a playwright page: enough to evaluate a script string. */
interface Evaluates {
  evaluate<T>(script: string): Promise<T>
}

/**
 * Milliseconds between two performance marks the app sets, waiting until both exist. Passed as a
 * string, not a function: tsx's name helpers do not exist in the page.
 */
export function markInterval(page: Evaluates, from: string, to: string): Promise<number> {
  return page.evaluate<number>(`new Promise((resolve) => {
    const check = () => {
      const [a] = performance.getEntriesByName(${JSON.stringify(from)})
      const [b] = performance.getEntriesByName(${JSON.stringify(to)})
      if (a && b) resolve(b.startTime - a.startTime)
      else setTimeout(check, 5)
    }
    check()
  })`)
}
