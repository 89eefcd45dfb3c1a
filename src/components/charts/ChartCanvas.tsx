import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Canvas, View } from '@tarojs/components'
import type { EChartsType } from 'echarts/core'
import { chartOnCanvasNode, chartOnElement, type CanvasNode, type ChartOption } from './echarts'

let chartCount = 0

/**
 * One chart: a Canvas 2D node in WeChat, a plain element in the browser. The picture is hidden from
 * screen readers: every figure it shows is also written out as text beside it (ChartFigures).
 */
export default function ChartCanvas({ option, height }: { option: ChartOption; height: number }) {
  const [id] = useState(() => `mq-chart-${(chartCount += 1)}`)
  const chart = useRef<EChartsType | null>(null)
  const latest = useRef(option)
  latest.current = option

  useEffect(() => {
    let disposed = false
    const draw = (made: EChartsType) => {
      if (disposed) return made.dispose()
      chart.current = made
      made.setOption(latest.current, true)
    }
    if (process.env.TARO_ENV === 'weapp') {
      // The node exists once the page has rendered it: ask for it on the next tick.
      Taro.nextTick(() => {
        Taro.createSelectorQuery()
          .select(`#${id}`)
          .fields({ node: true, size: true })
          .exec((found: Array<{ node?: CanvasNode; width: number; height: number } | null>) => {
            const canvas = found[0]
            if (!canvas?.node) return
            const { pixelRatio } = Taro.getWindowInfo()
            draw(chartOnCanvasNode(canvas.node, canvas.width, canvas.height, pixelRatio))
          })
      })
    } else {
      const element = document.getElementById(id)
      if (element) draw(chartOnElement(element))
    }
    const resize = () => chart.current?.resize()
    if (process.env.TARO_ENV !== 'weapp') window.addEventListener('resize', resize)
    return () => {
      disposed = true
      if (process.env.TARO_ENV !== 'weapp') window.removeEventListener('resize', resize)
      chart.current?.dispose()
      chart.current = null
    }
  }, [id])

  useEffect(() => {
    chart.current?.setOption(option, true)
  }, [option])

  const style = { width: '100%', height: `${height}px` }
  return process.env.TARO_ENV === 'weapp' ? (
    <Canvas type="2d" id={id} className="mq-chart" style={style} aria-hidden="true" />
  ) : (
    <View id={id} className="mq-chart" style={style} aria-hidden="true" />
  )
}
