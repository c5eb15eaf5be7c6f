/**
 * Comparison with last year, as summaries phrase it: "同比增长12.5%" / "同比下降3.2%" / "与上年持平",
 * and the change in units: "增加3个" / "减少120人次"; for percentages, in points: "提高5个百分点".
 */
import type { Figure } from '../document/model'
import { formatNumber, plainDigits, roundNoise } from './numbers'

export interface Comparison {
  /** this year − last year */
  difference: number
  /** the change in percent of last year; null when last year was 0 */
  growth: number | null
}

export function compareWithLastYear(value: number, lastYear: number): Comparison {
  const difference = roundNoise(value - lastYear)
  const growth = lastYear === 0 ? null : roundNoise(((value - lastYear) / Math.abs(lastYear)) * 100)
  return { difference, growth }
}

/** "同比增长12.5%，增加3个"; '' when the figure has no number or no last-year value. */
export function comparisonText(figure: Pick<Figure, 'unit' | 'style' | 'lastYear'>, value: unknown): string {
  if (typeof value !== 'number' || figure.lastYear === undefined) return ''
  const { difference, growth } = compareWithLastYear(value, figure.lastYear)
  if (difference === 0) return '与上年持平'
  const unit = figure.unit ?? ''
  const up = difference > 0
  if (unit === '%' || unit === '％') return `${up ? '提高' : '下降'}${plainDigits(Math.abs(difference), 2)}个百分点`
  const growthText = growth === null ? '' : `同比${up ? '增长' : '下降'}${plainDigits(Math.abs(growth), 1)}%`
  const style = figure.style === 'chinese' ? 'arabic' : (figure.style ?? 'arabic')
  const diff = formatNumber(Math.abs(difference), style, { unit, decimals: 2 })
  const diffText = `${up ? '增加' : '减少'}${diff.digits}${diff.scale}${diff.unit ?? unit}`
  return growthText ? `${growthText}，${diffText}` : diffText
}
