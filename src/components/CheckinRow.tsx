import { Text, View } from '@tarojs/components'
import type { Checkin } from '@core/fieldwork/fieldwork'
import { formatChinaTime } from '@core/time'

/** What the server flagged on a sign-in, in words (colour is only a second signal). */
function checkinFlags(checkin: Checkin): string[] {
  return [
    checkin.autoClosed ? '未签退（按上限计时）' : '',
    checkin.suspiciousTravel ? '行程异常' : '',
    checkin.signedOutFar ? `签退地点距联系点约 ${checkin.signOutDistanceMeters ?? 0} 米` : '',
    checkin.signOutUnlocated && !checkin.autoClosed && checkin.signedOutAt !== null ? '签退时未定位' : '',
  ].filter(Boolean)
}

/** One sign-in: where, who (when listed for a supervisor), in and out, hours, and its flags. */
export default function CheckinRow({ checkin, showPerson = false }: { checkin: Checkin; showPerson?: boolean }) {
  const flags = checkinFlags(checkin)
  return (
    <View className="mq-checkin-row">
      <Text className="mq-text">
        {showPerson ? `${checkin.personName} · ` : ''}
        {checkin.contactPointName}
      </Text>
      <Text className="mq-hint">
        {formatChinaTime(checkin.signedInAt)} 签到 ·{' '}
        {checkin.signedOutAt !== null ? `${formatChinaTime(checkin.signedOutAt)} 签退` : '尚未签退'}
        {checkin.hours !== null ? ` · ${checkin.hours} 小时` : ''}
      </Text>
      {flags.length > 0 && <Text className="mq-checkin-row__flags">⚠ {flags.join('；')}</Text>}
    </View>
  )
}
