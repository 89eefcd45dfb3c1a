import { createContext, useContext, type ComponentType } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ROLE_LABELS, type Role } from '@core/roles'
import type { UserView } from '@core/user/user'
import { useMe } from '../services/me'
import { mayUse, type PageAccess } from '../services/page-access'
import { ErrorNotice } from './Notice'
import Page from './Page'

/** A page not meant for this role says so, with a way home, and makes no call it may not make. */
function Refusal({ role, page }: { role: Role; page: PageAccess }) {
  return (
    <Page className="mq-refusal">
      <View className="mq-card">
        <Text className="mq-subtitle">{page.label}</Text>
        <Text className="mq-text mq-refusal__text">
          您当前的身份（{ROLE_LABELS[role]}）不能使用这个页面。
          {role === 'resident' ? '党员干部、督办领导请先在“我的”页面使用邀请码。' : ''}
        </Text>
        <Button className="mq-tap" type="primary" onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
          回到首页
        </Button>
      </View>
    </Page>
  )
}

const GatedMe = createContext<UserView | null>(null)

/** Inside a gated page: who is looking (the gate already asked, so the page does not ask again). */
export function useGatedMe(): UserView {
  const me = useContext(GatedMe)
  if (!me) throw new Error('useGatedMe outside withPageAccess')
  return me
}

/** Wraps a page that only some roles may use: the page itself mounts only for them. */
export function withPageAccess<P extends object>(page: PageAccess, Inner: ComponentType<P>): ComponentType<P> {
  return function Gated(props: P) {
    const { me, message } = useMe()
    const role = me?.role
    if (!role) {
      return (
        <Page>
          <ErrorNotice message={message} />
        </Page>
      )
    }
    return mayUse(page, role) ? (
      <GatedMe.Provider value={me}>
        <Inner {...props} />
      </GatedMe.Provider>
    ) : (
      <Refusal role={role} page={page} />
    )
  }
}
