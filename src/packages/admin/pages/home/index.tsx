import { Text, View } from '@tarojs/components'
import DemoCorner from '../../../../components/DemoCorner'
import Page from '../../../../components/Page'
import { useGatedMe, withPageAccess } from '../../../../components/PageGate'
import StaffEntries from '../../../../components/StaffEntries'
import StaffHomeHeader from '../../../../components/StaffHomeHeader'
import StaffSubscriptions from '../../../../components/StaffSubscriptions'
import { PAGES } from '../../../../services/page-access'

/** An admin's home: the pages an admin keeps (organisation, people, invitations, time limits) and the rest. */
function AdminHome() {
  const me = useGatedMe()
  return (
    <Page className="admin-home">
      <StaffHomeHeader me={me} lead="组织架构、人员和邀请码、办理时限在这里维护。" />
      <View className="mq-card">
        <Text className="mq-subtitle">管理</Text>
        <StaffEntries role={me.role} first={[PAGES.org, PAGES.users, PAGES.invitations, PAGES.settings]} />
      </View>
      <StaffSubscriptions me={me} />
      <DemoCorner />
    </Page>
  )
}

export default withPageAccess(PAGES.adminHome, AdminHome)
