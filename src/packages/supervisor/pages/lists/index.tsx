import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Input, Radio, TextArea } from '@nutui/nutui-react-taro'
import type { OrgUnit } from '@core/org/org'
import {
  DETAIL_LABELS,
  PUBLIC_LISTS,
  PUBLIC_LIST_LABELS,
  PUBLIC_TEXT_MAX,
  monthLabel,
  type DraftRow,
  type PublicList,
} from '@core/publication/publication'
import type { DraftView } from '@core/publication/publication.schemas'
import { formatChinaTime } from '@core/time'
import ChoiceSheet from '../../../../components/ChoiceSheet'
import { ErrorNotice, PendingNotice, SuccessNotice } from '../../../../components/Notice'
import Page from '../../../../components/Page'
import { useGatedMe, withPageAccess } from '../../../../components/PageGate'
import { ask, type Outcome } from '../../../../services/backend'
import { PAGES } from '../../../../services/page-access'
import '../supervisor.scss'

/** What the editor has open on one row: its wording, leaving it out, or a 典型案例 write-up. */
type Editing =
  | { kind: 'edit'; list: PublicList; caseId: string; summary: string; detail: string | null }
  | { kind: 'omit'; list: PublicList; caseId: string; reason: string }
  | { kind: 'showcase'; caseId: string; title: string; writeUp: string }

/**
 * 三个清单: the supervisor drafts a month's 问题清单, 任务清单 and 效果清单 for a unit from the
 * records, rewords rows, leaves rows out with a reason, fixes what the checks stop, and publishes.
 */
function PublicLists() {
  const me = useGatedMe()
  const [units, setUnits] = useState<OrgUnit[]>([])
  const [unitId, setUnitId] = useState(me.unitId ?? '')
  // The server opens last month's lists first (by its clock) and says which months may be chosen.
  const [month, setMonth] = useState<string | null>(null)
  const [months, setMonths] = useState<string[]>([])
  const [draft, setDraft] = useState<DraftView | null>(null)
  const [list, setList] = useState<PublicList>('problems')
  const [editing, setEditing] = useState<Editing | null>(null)
  const [rowMessage, setRowMessage] = useState('')
  const [message, setMessage] = useState('')
  const [success, setSuccess] = useState('')
  /** Just published: what, so the page says so and offers the public page (a correction is opened on request). */
  const [published, setPublished] = useState<{ title: string; unitId: string; month: string } | null>(null)
  const [pending, setPending] = useState('')
  const [note, setNote] = useState('')

  useEffect(() => {
    void ask('orgs', 'tree', {}).then((answer) => answer.ok && setUnits(answer.data.filter((unit) => unit.active)))
  }, [])

  const open = async (refresh = false) => {
    if (!unitId) return setMessage('请先选择单位')
    setPending(refresh ? '正在按记录重新生成…' : '正在打开清单…')
    const answer = await ask('publications', 'openDraft', { unitId, refresh, ...(month ? { month } : {}) })
    setPending('')
    setEditing(null)
    if (!answer.ok) return setMessage(answer.message)
    setMessage('')
    setDraft(answer.data)
    setMonth(answer.data.month)
    setMonths(answer.data.months)
  }
  useEffect(() => {
    // The month the server chose for the first opening is the draft already shown.
    if (draft && draft.unit.id === unitId && draft.month === month) return
    setSuccess('')
    setPublished(null)
    void open()
    // Opens again whenever the unit or the month changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unitId, month])

  /** Runs an edit of the open draft; a refusal stays beside the row it concerns. */
  const change = async (
    run: (key: { unitId: string; month: string; expectedVersion: number }) => Promise<Outcome<DraftView>>,
  ) => {
    if (!draft) return
    const answer = await run({ unitId: draft.unit.id, month: draft.month, expectedVersion: draft.version })
    if (!answer.ok) {
      setRowMessage(answer.message)
      if (answer.code === 'PUBLICATION.CONFLICT') void open()
      return
    }
    setRowMessage('')
    setEditing(null)
    setDraft(answer.data)
  }

  const publish = async () => {
    if (!draft) return
    setPending('正在检查并发布…')
    const answer = await ask('publications', 'publish', {
      unitId: draft.unit.id,
      month: draft.month,
      expectedVersion: draft.version,
      ...(note.trim() ? { note } : {}),
    })
    setPending('')
    if (!answer.ok) {
      setMessage(answer.message)
      if (answer.code === 'PUBLICATION.CONFLICT') void open()
      return
    }
    setMessage('')
    setNote('')
    setDraft(null)
    setPublished({
      title: `已发布${answer.data.unit.name}${answer.data.monthLabel}三个清单第 ${answer.data.version} 版，群众可在“公开清单”查看。`,
      unitId: answer.data.unit.id,
      month: answer.data.month,
    })
  }
  const toPublic = (target: { unitId: string; month: string }) =>
    void Taro.navigateTo({ url: `${PAGES.publicLists.url}?unitId=${target.unitId}&month=${target.month}` })

  const rows = draft?.lists[list] ?? []
  return (
    <Page className="lists">
      <View className="mq-card">
        <Text className="mq-label">单位</Text>
        <ChoiceSheet
          className="lists__unit"
          title="选择单位"
          placeholder="选择单位"
          choices={units.map((unit) => ({ id: unit._id, label: unit.name }))}
          value={unitId}
          onChange={(choice) => setUnitId(choice.id)}
        />
        <Text className="mq-label">月份</Text>
        <ChoiceSheet
          className="lists__month"
          title="选择月份"
          placeholder="选择月份"
          choices={months.map((candidate) => ({ id: candidate, label: monthLabel(candidate) }))}
          value={month ?? ''}
          onChange={(choice) => setMonth(choice.id)}
        />
      </View>
      <PendingNotice message={pending} />
      <SuccessNotice message={success} />
      {published && (
        <View className="mq-card lists__published">
          <SuccessNotice message={published.title} />
          <View className="lists__actions">
            <Button className="mq-tap lists__to-public" type="primary" onClick={() => toPublic(published)}>
              查看公开清单
            </Button>
            <Button
              className="mq-tap lists__correct"
              fill="outline"
              onClick={() => {
                setPublished(null)
                void open()
              }}
            >
              更正已发布的清单
            </Button>
          </View>
          <Text className="mq-hint">更正会成为新的版本，写明更正说明；已发布的版本不会改变，仍可查看。</Text>
        </View>
      )}
      {draft && (
        <View className="mq-card lists__status">
          <Text className="mq-subtitle">
            {draft.unit.name} {draft.monthLabel}三个清单
          </Text>
          <Text className="mq-text">
            {draft.published.length === 0
              ? '尚未发布，发布后为第 1 版。'
              : `已发布第 ${draft.published.length} 版；现在发布即为更正，成为第 ${draft.nextVersion} 版，旧版仍可查看。`}
          </Text>
          <Text className="mq-hint">
            按 {formatChinaTime(draft.generatedAt, 'M月D日 HH:mm')} 的记录生成：问题 {draft.lists.problems.length}{' '}
            条，任务 {draft.lists.tasks.length} 条，效果 {draft.lists.results.length}{' '}
            条。公开内容已按公开标准隐去姓名、电话、身份证号和门牌号，可逐条修改。
          </Text>
          {draft.blockedRows > 0 && (
            <Text className="mq-error lists__blocked">有 {draft.blockedRows} 条需修改后才能发布，见下方标出的行。</Text>
          )}
          <Button className="mq-tap lists__refresh" fill="outline" onClick={() => void open(true)}>
            按最新记录重新生成
          </Button>
          <Text className="mq-hint">重新生成时，已修改的内容和不公开的决定会保留。</Text>
        </View>
      )}
      {draft && (
        <View className="mq-card">
          <Radio.Group
            className="lists__tabs"
            direction="horizontal"
            value={list}
            onChange={(value) => {
              setList(value as PublicList)
              setEditing(null)
            }}
          >
            {PUBLIC_LISTS.map((key) => (
              <Radio key={key} value={key} shape="button">
                {`${PUBLIC_LIST_LABELS[key]}（${draft.lists[key].length}）`}
              </Radio>
            ))}
          </Radio.Group>
          {rows.length === 0 && <Text className="mq-text">这个月没有要列入{PUBLIC_LIST_LABELS[list]}的诉求。</Text>}
          {rows.map((row, index) => (
            <DraftRowCard
              key={row.caseId}
              list={list}
              row={row}
              index={index}
              editing={editing?.caseId === row.caseId ? editing : null}
              message={editing?.caseId === row.caseId ? rowMessage : ''}
              setEditing={(next) => {
                setRowMessage('')
                setEditing(next)
              }}
              save={(next) =>
                void change((key) => {
                  if (next.kind === 'edit') {
                    return ask('publications', 'editRow', {
                      ...key,
                      list: next.list,
                      caseId: next.caseId,
                      summary: next.summary,
                      ...(next.detail !== null ? { detail: next.detail } : {}),
                    })
                  }
                  if (next.kind === 'omit') {
                    return ask('publications', 'omitRow', {
                      ...key,
                      list: next.list,
                      caseId: next.caseId,
                      reason: next.reason,
                    })
                  }
                  return Promise.resolve({ ok: false, code: 'INPUT.INVALID', message: '' })
                })
              }
              restore={() =>
                void change((key) => ask('publications', 'restoreRow', { ...key, list, caseId: row.caseId }))
              }
              markShowcase={async (next) => {
                const answer = await ask('publications', 'markShowcase', {
                  caseId: next.caseId,
                  title: next.title,
                  writeUp: next.writeUp,
                })
                if (!answer.ok) return setRowMessage(answer.message)
                setRowMessage('')
                setEditing(null)
                setSuccess(`已评为典型案例：${answer.data.title}`)
              }}
            />
          ))}
        </View>
      )}
      {draft && (
        <View className="mq-card lists__publish">
          {draft.nextVersion > 1 && (
            <>
              <Text className="mq-label">更正说明（必填，公开显示）</Text>
              <TextArea
                className="mq-textarea lists__note"
                aria-label="更正说明"
                placeholder="例如：更正任务清单第 2 行的完成时限"
                value={note}
                maxLength={200}
                onChange={setNote}
              />
            </>
          )}
          <ErrorNotice message={message} />
          <Button className="mq-tap lists__publish-button" type="primary" block onClick={() => void publish()}>
            {`检查并发布第 ${draft.nextVersion} 版`}
          </Button>
          <Text className="mq-hint">发布前逐条检查个人信息和内容安全；发布后不能修改，只能发布更正版本。</Text>
          {draft.published.length > 0 && (
            <Button
              className="mq-tap lists__to-public"
              fill="outline"
              onClick={() => toPublic({ unitId: draft.unit.id, month: draft.month })}
            >
              查看已发布的清单
            </Button>
          )}
        </View>
      )}
    </Page>
  )
}

function DraftRowCard({
  list,
  row,
  index,
  editing,
  message,
  setEditing,
  save,
  restore,
  markShowcase,
}: {
  list: PublicList
  row: DraftRow
  index: number
  editing: Editing | null
  message: string
  setEditing: (next: Editing | null) => void
  save: (next: Editing) => void
  restore: () => void
  markShowcase: (next: Extract<Editing, { kind: 'showcase' }>) => Promise<void>
}) {
  const facts = [
    row.status && `状态：${row.status}`,
    row.reports > 1 && `同类反映 ${row.reports} 件`,
    row.leadOfficial && `领办领导：${row.leadOfficial}`,
    row.responsibleUnit && `责任单位：${row.responsibleUnit}`,
    row.deadline !== null && `完成时限：${formatChinaTime(row.deadline, 'YYYY年M月D日')}`,
    row.closedAt !== null && `办结：${formatChinaTime(row.closedAt, 'YYYY年M月D日')}`,
    row.rating && `群众评价：${row.rating}`,
    row.onTheSpot && '立行立改',
  ].filter((fact): fact is string => typeof fact === 'string')
  return (
    <View
      className={`lists__row${row.omitted ? ' lists__row--omitted' : ''}${row.issues.length ? ' lists__row--blocked' : ''}`}
    >
      <Text className="lists__row-head">
        {index + 1}. 编号 {row.number} · {row.category} · {row.areaName}
      </Text>
      {row.omitted && (
        <Text className="lists__omitted">
          不公开：{row.omitted.reason}（{row.omitted.byName}）
        </Text>
      )}
      {editing?.kind === 'edit' ? (
        <>
          <Text className="mq-label">公开内容</Text>
          <TextArea
            className="mq-textarea lists__summary-input"
            aria-label="公开内容"
            value={editing.summary}
            maxLength={PUBLIC_TEXT_MAX}
            onChange={(summary) => setEditing({ ...editing, summary })}
          />
          {editing.detail !== null && (
            <>
              <Text className="mq-label">{DETAIL_LABELS[list]}</Text>
              <TextArea
                className="mq-textarea lists__detail-input"
                aria-label={DETAIL_LABELS[list]}
                value={editing.detail}
                maxLength={PUBLIC_TEXT_MAX}
                onChange={(detail) => setEditing({ ...editing, detail })}
              />
            </>
          )}
        </>
      ) : (
        <>
          <Text className="mq-text lists__summary">{row.summary}</Text>
          {row.detail !== null && (
            <Text className="mq-text">
              {DETAIL_LABELS[list]}：{row.detail || '（空）'}
            </Text>
          )}
        </>
      )}
      {facts.length > 0 && <Text className="mq-hint">{facts.join('　')}</Text>}
      {!row.omitted &&
        row.issues.map((issue) => (
          <Text key={issue} className="mq-error lists__issue">
            需修改：{issue}
          </Text>
        ))}
      {editing?.kind === 'omit' && (
        <>
          <Text className="mq-label">不公开的理由（留档，不公开显示）</Text>
          <Input
            className="mq-input lists__reason-input"
            aria-label="不公开的理由"
            placeholder="例如：涉及未成年人隐私"
            value={editing.reason}
            maxLength={100}
            onChange={(reason) => setEditing({ ...editing, reason })}
          />
        </>
      )}
      {editing?.kind === 'showcase' && (
        <>
          <Text className="mq-label">案例标题</Text>
          <Input
            className="mq-input lists__showcase-title"
            aria-label="案例标题"
            placeholder="例如：楼道灯一周修好"
            value={editing.title}
            maxLength={30}
            onChange={(title) => setEditing({ ...editing, title })}
          />
          <Text className="mq-label">案例介绍（公开显示，不写群众姓名、电话、门牌号）</Text>
          <TextArea
            className="mq-textarea lists__showcase-writeup"
            aria-label="案例介绍"
            value={editing.writeUp}
            maxLength={PUBLIC_TEXT_MAX}
            onChange={(writeUp) => setEditing({ ...editing, writeUp })}
          />
        </>
      )}
      <ErrorNotice message={message} />
      <View className="lists__actions">
        {editing ? (
          <>
            <Button
              className="mq-tap lists__save"
              type="primary"
              onClick={() => (editing.kind === 'showcase' ? void markShowcase(editing) : save(editing))}
            >
              {editing.kind === 'omit' ? '确认不公开' : editing.kind === 'showcase' ? '评为典型案例' : '保存'}
            </Button>
            <Button className="mq-tap" fill="outline" onClick={() => setEditing(null)}>
              取消
            </Button>
          </>
        ) : row.omitted ? (
          <Button className="mq-tap lists__restore" fill="outline" onClick={restore}>
            恢复公开
          </Button>
        ) : (
          <>
            <Button
              className="mq-tap lists__edit"
              fill="outline"
              onClick={() =>
                setEditing({ kind: 'edit', list, caseId: row.caseId, summary: row.summary, detail: row.detail })
              }
            >
              修改
            </Button>
            <Button
              className="mq-tap lists__omit"
              fill="outline"
              onClick={() => setEditing({ kind: 'omit', list, caseId: row.caseId, reason: '' })}
            >
              不公开
            </Button>
            {row.mayShowcase && (
              <Button
                className="mq-tap lists__showcase"
                fill="outline"
                onClick={() => setEditing({ kind: 'showcase', caseId: row.caseId, title: '', writeUp: '' })}
              >
                评为典型案例
              </Button>
            )}
          </>
        )}
      </View>
    </View>
  )
}

export default withPageAccess(PAGES.publishLists, PublicLists)
