import { init, setPlatformAPI, use as register, type ComposeOption, type EChartsType } from 'echarts/core'
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts'
import { GridComponent, type GridComponentOption } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

// Only what the dashboard draws: bars, lines, one grid, on a canvas (no legend or tooltip: the
// figures and the series' names are written out as text beside each chart).
register([BarChart, LineChart, GridComponent, CanvasRenderer])

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption>

/** What a WeChat `<Canvas type="2d">` node offers (the parts ECharts uses). */
export interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): CanvasRenderingContext2D
}

/** Draws on a DOM element (H5): ECharts sizes it, follows the screen's pixel ratio and makes its own canvas. */
export function chartOnElement(element: HTMLElement): EChartsType {
  return init(element, undefined, { renderer: 'canvas' })
}

/**
 * Draws on a WeChat Canvas 2D node. ECharts measures text on a canvas it makes with `document`,
 * which a mini-program lacks: it measures on this node's context instead. The node is handed over
 * as a canvas-like object (ECharts then draws on it directly instead of building DOM layers).
 */
export function chartOnCanvasNode(node: CanvasNode, width: number, height: number, pixelRatio: number): EChartsType {
  const context = node.getContext('2d')
  setPlatformAPI({
    measureText: (text, font) => {
      context.font = font ?? '16px sans-serif'
      return context.measureText(text ?? '')
    },
  })
  const canvasLike = {
    get width() {
      return node.width
    },
    set width(value: number) {
      node.width = value
    },
    get height() {
      return node.height
    },
    set height(value: number) {
      node.height = value
    },
    getContext: () => context,
    // No DOM events in a mini-program: touches are not forwarded (the figures are tapped as text).
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }
  return init(canvasLike as unknown as HTMLCanvasElement, undefined, {
    renderer: 'canvas',
    width,
    height,
    devicePixelRatio: pixelRatio,
  })
}
