import { fontScale } from '../../services/font-scale'

/** One named row of numbers, one per label. */
export interface ChartSeries {
  name: string
  values: number[]
}

/**
 * Series colours, each at least 5.9:1 against white, and told apart by more than hue: the line chart
 * also gives each its own mark and dash.
 */
export const SERIES_COLOURS = ['#b71c1c', '#0d47a1', '#1b5e20'] as const
export const SERIES_MARKS = ['circle', 'rect', 'triangle'] as const
export const SERIES_DASHES = ['solid', 'dashed', 'dotted'] as const

export const INK = '#1a1a1a'
export const GRID_LINE = '#9e9e9e'

/** Text in a chart: 16 px at the standard setting, growing with the person's font setting. */
export function chartFontPx(): number {
  return Math.round(16 * fontScale())
}

export const plain = (value: number) => String(value)
