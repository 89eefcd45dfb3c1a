import { useState } from 'react'
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
  const [childKind, setChildKind] = useState<OrgUnitKind>('community')
  const [moveTo, setMoveTo] = useState('')
  const [message, setMessage] = useState('')
  const [notice, setNotice] = useState('')
  const selected = units.find((unit) => unit._id === selectedId) ?? null
  const rootDepth = Math.min(...units.map((unit) => unit.ancestorIds.length))

  const run = async (done: string, call: () => ReturnType<typeof ask>) => {
    const result = await call()
    if (!result.ok) {
      setNotice('')
      return setMessage(result.message)
    }
    setMessage('')
    setNotice(done)
    reload()
  }

  const childKinds = ORG_UNIT_KINDS.filter((kind) =>
    ALLOWED_PARENT_KINDS[kind].includes(selected ? selected.kind : null),
  )

  return (
    <Page className="admin">
      <ErrorNotice message={message || error} />
      <SuccessNotice message={notice} />
      {units.length > 0 && (
        <View className="mq-card">
          <Text className="mq-subtitle">组织架构</Text>
          {treeOrder(units).map((unit) => (
            <View
              key={unit._id}
              className="admin__row"
              style={{ paddingLeft: `${(unit.ancestorIds.length - rootDepth) * 1.2}em` }}
              onClick={() => {
                setSelectedId(unit._id)
                setNewName(unit.name)
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
                    void run('已改名', () =>
                      ask('orgs', 'rename', { id: selected._id, name: newName, expectedVersion: selected.version }),
                    )
                  }
                >
                  改名
                </Button>
                {selected.active && (
                  <Button
                    className="mq-tap"
                    fill="outline"
                    onClick={() =>
                      void run('已停用', () =>
                        ask('orgs', 'deactivate', { id: selected._id, expectedVersion: selected.version }),
                      )
                    }
                  >
                    停用
                  </Button>
                )}
              </View>
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
                  void run('已移动', () =>
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
          >
            {childKinds.map((kind) => (
              <Radio key={kind} value={kind}>
                {ORG_UNIT_KIND_LABELS[kind]}
              </Radio>
            ))}
          </Radio.Group>
          <Button
            className="mq-tap"
            type="primary"
            onClick={() =>
              void run('已新增', () =>
                ask('orgs', 'create', { name: childName, kind: childKind, parentId: selected?._id ?? null }),
              )
            }
          >
            新增
          </Button>
        </View>
      )}
    </Page>
  )
}

export default withPageAccess(PAGES.org, OrgTree)
