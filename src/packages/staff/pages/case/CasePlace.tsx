import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { StaffCaseView } from '@core/case/views'
import { fromWgs84, toWgs84 } from '@core/geo'

/**
 * Where the case is, for the staff who go there: the address, and in WeChat the place on a map
 * (WeChat's map takes GCJ-02, so a browser's WGS-84 fix is converted first).
 */
export default function CasePlace({ view }: { view: StaffCaseView }) {
  const place = view.location
  if (!place?.coords && !place?.address) return null
  const coords = place.coords
  const openMap = () => {
    if (!coords) return
    const onMap = fromWgs84(toWgs84(coords, coords.system), 'gcj02')
    void Taro.openLocation({
      latitude: onMap.lat,
      longitude: onMap.lng,
      name: `诉求 ${view.number}`,
      address: place.address ?? '',
      scale: 17,
    })
  }
  return (
    <View className="staff__place">
      {place.address && <Text className="mq-text">地址：{place.address}</Text>}
      {coords && (
        <Text className="mq-hint">
          定位：北纬 {coords.lat.toFixed(5)}，东经 {coords.lng.toFixed(5)}
          {coords.accuracy !== undefined ? `（精度约 ${coords.accuracy} 米）` : ''}
        </Text>
      )}
      {coords && process.env.TARO_ENV === 'weapp' && (
        <Button className="mq-tap" fill="outline" onClick={openMap}>
          在地图上查看
        </Button>
      )}
    </View>
  )
}
