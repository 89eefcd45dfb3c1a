import { useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { OutputFor } from '@core/functions'
import { PUBLIC_LISTS, PUBLIC_LIST_LABELS, type PublicList } from '@core/publication/publication'
import type { PublishedView, Showcase } from '@core/publication/publication.schemas'
import { formatChinaTime } from '@core/time'
import { ErrorNotice, PendingNotice } from '../../../../components/Notice'
import Page from '../../../../components/Page'
import { ask } from '../../../../services/backend'
import { useShownAndPulled } from '../../../../services/page-show'
import FiguresCard from '../../components/FiguresCard'
import RowCard from '../../components/RowCard'
import Showcases from '../../components/Showcases'
import { shiftMonth } from '../../months'
import '../../public.scss'

type Catalogue = OutputFor<'publications', 'listPublished'>

const EMPTY_LIST: Record<PublicList, string> = {
  problems: '本月没有公开的问题。',
  tasks: '本月没有公开的任务。',
  results: '本月没有公开的办理效果。',
}

/**
 * 公开清单: the 三个清单 the units published, month by month, for anyone (no role needed): the
 * month's units, the chosen unit's lists and figures, every version with its 更正说明, and 典型案例.
 */
export default function PublicLists() {
  const { params } = useRouter()
  /** The latest month with any lists (null: none yet); the stepper goes no further. */
  const [latest, setLatest] = useState<string | null | undefined>(undefined)
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null)
  const [unitId, setUnitId] = useState<string | null>(params.unitId ?? null)
  const [view, setView] = useState<PublishedView | null>(null)
  const [tab, setTab] = useState<PublicList>('problems')
  const [showcases, setShowcases] = useState<Showcase[] | null>(null)
  const [showcaseMessage, setShowcaseMessage] = useState('')
  const [message, setMessage] = useState('')
  const [pending, setPending] = useState('正在打开公开清单…')
  // Only the answer to the latest request is shown (a quick second tap must not be overtaken by the first).
  const request = useRef(0)
  /** The unit the person chose: kept while they step through months, some of which it did not publish. */
  const preferred = useRef<string | null>(params.unitId ?? null)

  /** Another version replaces the whole view: its top (which version it is) comes into sight. */
  const openVersion = async (unit: string, month: string, version?: number) => {
    await openUnit(unit, month, version)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 })
  }

  const openUnit = async (unit: string, month: string, version?: number) => {
    const mine = ++request.current
    setUnitId(unit)
    preferred.current = unit
    setPending('正在打开清单…')
    const answer = await ask('publications', 'getPublished', { unitId: unit, month, version })
    if (mine !== request.current) return
    setPending('')
    if (!answer.ok) return setMessage(answer.message)
    setMessage('')
    setView(answer.data)
  }

  const openMonth = async (month: string | undefined) => {
    const mine = ++request.current
    setView(null)
    setPending('正在打开清单…')
    const answer = await ask('publications', 'listPublished', month ? { month } : {})
    if (mine !== request.current) return
    setPending('')
    if (!answer.ok) return setMessage(answer.message)
    setMessage('')
    setCatalogue(answer.data)
    if (!month) setLatest(answer.data.month)
    const { entries } = answer.data
    const chosen =
      entries.find((entry) => entry.unit.id === preferred.current) ?? (entries.length === 1 ? entries[0] : undefined)
    setUnitId(chosen?.unit.id ?? null)
    if (chosen) await openUnit(chosen.unit.id, chosen.month)
  }

  const load = async () => {
    void ask('publications', 'listShowcases', {}).then((answer) => {
      if (answer.ok) {
        setShowcases(answer.data)
        setShowcaseMessage('')
      } else setShowcaseMessage(answer.message)
    })
    const shownMonth = catalogue?.month ?? params.month
    if (shownMonth && latest === undefined) {
      // Opened at a month (a resident's case links to it): learn the latest month for the stepper too.
      const first = await ask('publications', 'listPublished', {})
      if (first.ok) setLatest(first.data.month)
    }
    await openMonth(shownMonth ?? undefined)
  }
  useShownAndPulled(load)

  const month = catalogue?.month ?? null
  const step = (delta: number) => () => {
    if (month) void openMonth(shiftMonth(month, delta))
  }
  const latestVersion = view?.versions[view.versions.length - 1]?.version ?? null

  return (
    <Page className="public">
      <View className="mq-card">
        <Text className="mq-title">三个清单</Text>
        <Text className="mq-text">
          每月公开群众反映的问题（问题清单）、承办的任务（任务清单）和办理的效果（效果清单），接受群众监督。
        </Text>
      </View>
      <ErrorNotice message={message} />
      <PendingNotice message={pending} />

      {catalogue && month === null && (
        <View className="mq-card">
          <Text className="mq-text">还没有发布过三个清单，发布后会在这里公开。</Text>
        </View>
      )}

      {catalogue && month !== null && (
        <View className="mq-card">
          <View className="public__stepper">
            <Button className="mq-tap" fill="outline" aria-label="上个月" onClick={step(-1)}>
              ‹
            </Button>
            <Text className="public__month" aria-live="polite">
              {/* 2026年 | 11月: at a large font the two halves wrap whole, never 2026年1 | 1月. */}
              {(catalogue.monthLabel ?? '').split('年').map((part, index) => (
                <Text key={part} className="public__month-part">
                  {index === 0 ? `${part}年` : part}
                </Text>
              ))}
            </Text>
            <Button
              className="mq-tap"
              fill="outline"
              aria-label="下个月"
              disabled={latest !== undefined && latest !== null && month >= latest}
              onClick={step(1)}
            >
              ›
            </Button>
          </View>
          {catalogue.entries.length === 0 && (
            <Text className="mq-text public__none">{catalogue.monthLabel}没有发布三个清单。</Text>
          )}
          {catalogue.entries.length > 1 && (
            <>
              <Text className="mq-label">请选择单位</Text>
              <View className="mq-choices">
                {catalogue.entries.map((entry) => (
                  <Button
                    key={entry.unit.id}
                    className="mq-tap"
                    type="primary"
                    fill={entry.unit.id === unitId ? 'solid' : 'outline'}
                    aria-pressed={entry.unit.id === unitId}
                    onClick={() => void openUnit(entry.unit.id, entry.month)}
                  >
                    {entry.unit.name}
                  </Button>
                ))}
              </View>
            </>
          )}
        </View>
      )}

      {view && view.unit.id === unitId && view.month === month && (
        <>
          <View className="mq-card">
            <Text className="mq-subtitle public__heading">
              {view.unit.name} {view.monthLabel} 三个清单
            </Text>
            <Text className="mq-text">
              第{view.version}版 · 发布时间 {formatChinaTime(view.publishedAt)} · 发布人 {view.publishedBy}
            </Text>
            {view.note && <Text className="mq-text public__note">更正说明：{view.note}</Text>}
            {latestVersion !== null && view.version < latestVersion && (
              <View className="public__superseded">
                <Text className="mq-text">
                  这是第{view.version}版，已被第{latestVersion}版更正。
                </Text>
                <Button className="mq-tap" type="primary" onClick={() => void openVersion(view.unit.id, view.month)}>
                  查看最新版（第{latestVersion}版）
                </Button>
              </View>
            )}
          </View>

          <FiguresCard figures={view.figures} monthLabel={view.monthLabel} />

          <View className="mq-card">
            <View className="mq-choices">
              {PUBLIC_LISTS.map((list) => (
                <Button
                  key={list}
                  className="mq-tap"
                  type="primary"
                  fill={tab === list ? 'solid' : 'outline'}
                  aria-pressed={tab === list}
                  onClick={() => setTab(list)}
                >
                  {PUBLIC_LIST_LABELS[list]}（{view.lists[list].length}）
                </Button>
              ))}
            </View>
            <Text className="mq-subtitle public__list-title">{PUBLIC_LIST_LABELS[tab]}</Text>
            {view.lists[tab].length === 0 && <Text className="mq-text">{EMPTY_LIST[tab]}</Text>}
            {view.lists[tab].map((row) => (
              <RowCard key={row.caseId} list={tab} row={row} />
            ))}
          </View>

          <View className="mq-card">
            <Text className="mq-subtitle">版本记录</Text>
            {view.versions.map((entry) => (
              <View key={entry.version} className="public__version">
                <Text className="mq-text">
                  第{entry.version}版 · {formatChinaTime(entry.publishedAt)} · {entry.publishedBy}
                </Text>
                <Text className="mq-hint">{entry.note ? `更正说明：${entry.note}` : '首次发布'}</Text>
                {entry.version === view.version ? (
                  <Text className="mq-hint public__current">正在查看这一版</Text>
                ) : (
                  <Button
                    className="mq-tap"
                    fill="outline"
                    onClick={() => void openVersion(view.unit.id, view.month, entry.version)}
                  >
                    查看第{entry.version}版
                  </Button>
                )}
              </View>
            ))}
          </View>
        </>
      )}

      <Showcases items={showcases} message={showcaseMessage} />
    </Page>
  )
}
