import { useState } from 'react'
import { createUnitInput } from '@core/org/org.schemas'
import { firstIssue } from '@core/validation/issues'
import { Text, View } from '@tarojs/components'
import { Button, Input, Radio } from '@nutui/nutui-react-taro'
import {
  ALLOWED_PARENT_KINDS,
  ORG_UNIT_KIND_LABELS,
  ORG_UNIT_KINDS,
  type OrgUnit,
  type OrgUnitKind,
} from '@core/org/org'
import ChoiceSheet from '../../../../components/ChoiceSheet'
import Page from '../../../../components/Page'
import { ask } from '../../../../services/backend'
import { useUnits } from '../../components/useUnits'
import '../admin.scss'
import { ErrorNotice, SuccessNotice } from '../../../../components/Notice'
import { withPageAccess } from '../../../../components/PageGate'
import { PAGES } from '../../../../services/page-access'
import { confirmAction } from '../../../../services/confirm'

/** Units in tree order: each parent followed by its children. */
function treeOrder(units: OrgUnit[]): OrgUnit[] {
  const children = (parentId: string | null): OrgUnit[] =>
    units.filter(
      (unit) => unit.parentId === parentId || (parentId === null && !units.some((u) => u._id === unit.parentId)),
    )
  const walk = (unit: OrgUnit): OrgUnit[] => [unit, ...units.filter((u) => u.parentId === unit._id).flatMap(walk)]
  return children(null).flatMap(walk)
}

function OrgTree() {
  const { units, choices, error, reload } = useUnits()
  const [selectedId, setSelectedId] = useState('')
  const [newName, setNewName] = useState('')
  const [childName, setChildName] = useState('')
  const [childKind, setChildKind] = useState<OrgUnitKind | ''>('')
  const [moveTo, setMoveTo] = useState('')
  /** What the last action said, shown beside the part of the page it came from. */
  const [said, setSaid] = useState<{ where: 'unit' | 'create'; message: string; notice: string }>({
    where: 'unit',
    message: '',
    notice: '',
  })
  const selected = units.find((unit) => unit._id === selectedId) ?? null
  const rootDepth = Math.min(...units.map((unit) => unit.ancestorIds.length))

  const run = async (where: 'unit' | 'create', done: string, call: () => ReturnType<typeof ask>) => {
    const result = await call()
    if (!result.ok) {
      setSaid({ where, message: result.message, notice: '' })
      return false
    }
    setSaid({ where, message: '', notice: done })
    reload()
    return true
  }

  const deactivate = async (unit: OrgUnit) => {
    const sure = await confirmAction(
      `停用“${unit.name}”？`,
      '停用后不能再选它作为诉求所在的社区或邀请的单位；已有的诉求和人员不受影响。可以随时重新启用。',
      '停用',
    )
    if (!sure) return
    await run('unit', `已停用“${unit.name}”。如是误操作，点“重新启用”即可撤销。`, () =>
      ask('orgs', 'deactivate', { id: unit._id, expectedVersion: unit.version }),
    )
  }

  const reactivate = (unit: OrgUnit) =>
    run('unit', `已重新启用“${unit.name}”`, () =>
      ask('orgs', 'reactivate', { id: unit._id, expectedVersion: unit.version }),
    )

  const create = async () => {
    const parsed = createUnitInput.safeParse({
      action: 'create',
      name: childName,
      kind: childKind || undefined,
      parentId: selected?._id ?? null,
    })
    if (!parsed.success) return setSaid({ where: 'create', message: firstIssue(parsed.error).message, notice: '' })
    const { action: _action, ...params } = parsed.data
    // A new unit starts a new form: the name and type are cleared once it is there.
    if (await run('create', `已新增“${params.name}”`, () => ask('orgs', 'create', params))) {
      setChildName('')
      setChildKind('')
    }
  }

  const saidAt = (where: 'unit' | 'create') =>
    said.where === where ? (
      <>
        <ErrorNotice message={said.message} />
        <SuccessNotice message={said.notice} />
      </>
    ) : null

  const childKinds = ORG_UNIT_KINDS.filter((kind) =>
    ALLOWED_PARENT_KINDS[kind].includes(selected ? selected.kind : null),
  )

  return (
    <Page className="admin">
      <ErrorNotice message={error} />
      {units.length > 0 && (
        <View className="mq-card">
          <Text className="mq-subtitle">组织架构</Text>
          {treeOrder(units).map((unit) => (
            <View
              key={unit._id}
              className="admin__row"
              style={{ paddingLeft: `${(unit.ancestorIds.length - rootDepth) * 1.2}em` }}
              role="button"
              onClick={() => {
                setSelectedId(unit._id)
                setNewName(unit.name)
                setChildKind('')
                setSaid({ where: 'unit', message: '', notice: '' })
              }}
            >
              <Text className="admin__row-title">
                {unit.name}（{ORG_UNIT_KIND_LABELS[unit.kind]}）{unit.active ? '' : ' · 已停用'}
                {unit._id === selectedId ? ' · 已选中' : ''}
              </Text>
            </View>
          ))}
        </View>
      )}
      {units.length > 0 && (
        <View className="mq-card">
          <Text className="mq-subtitle">{selected ? `管理：${selected.name}` : '点上面的组织进行管理'}</Text>
          {selected && (
            <>
              <Input
                className="admin__input"
                aria-label="新名称"
                value={newName}
                maxLength={30}
                onChange={setNewName}
              />
              <View className="admin__actions">
                <Button
                  className="mq-tap"
                  fill="outline"
                  onClick={() =>
                    void run('unit', '已改名', () =>
                      ask('orgs', 'rename', { id: selected._id, name: newName, expectedVersion: selected.version }),
                    )
                  }
                >
                  改名
                </Button>
                {selected.active ? (
                  <Button className="mq-tap" fill="outline" onClick={() => void deactivate(selected)}>
                    停用
                  </Button>
                ) : (
                  <Button className="mq-tap" fill="outline" onClick={() => void reactivate(selected)}>
                    重新启用
                  </Button>
                )}
              </View>
              {saidAt('unit')}
              <Text className="mq-label">移到新的上级组织下</Text>
              <ChoiceSheet
                title="选择新的上级组织"
                placeholder="选择新的上级组织"
                choices={choices.filter((choice) => choice.id !== selected._id)}
                value={moveTo}
                onChange={(choice) => setMoveTo(choice.id)}
              />
              <Button
                className="mq-tap"
                fill="outline"
                onClick={() =>
                  void run('unit', '已移动', () =>
                    ask('orgs', 'move', { id: selected._id, parentId: moveTo, expectedVersion: selected.version }),
                  )
                }
              >
                移动
              </Button>
            </>
          )}
          <Text className="mq-label">{selected ? `在“${selected.name}”下新增` : '新增管理区'}</Text>
          <Input
            className="admin__input"
            aria-label="新组织名称"
            placeholder="名称"
            value={childName}
            maxLength={30}
            onChange={setChildName}
          />
          <Radio.Group
            direction="horizontal"
            value={childKind}
            onChange={(value) => setChildKind(String(value) as OrgUnitKind)}
            aria-label="组织类型"
          >
            {childKinds.map((kind) => (
              <Radio key={kind} value={kind}>
                {ORG_UNIT_KIND_LABELS[kind]}
              </Radio>
            ))}
          </Radio.Group>
          {saidAt('create')}
          <Button className="mq-tap" type="primary" onClick={() => void create()}>
            新增
          </Button>
        </View>
      )}
    </Page>
  )
}

export default withPageAccess(PAGES.org, OrgTree)
