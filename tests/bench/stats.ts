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
