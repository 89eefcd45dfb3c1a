import { View, Text } from '@tarojs/components'
import { CATEGORIES } from '@core/case/case'
import './index.scss'

export default function Index() {
  return (
    <View className="home">
      <Text className="home__title">民情通</Text>
      <Text className="home__lead">下基层察民情 · 解民忧 · 暖民心</Text>
      <Text className="home__body">有急难愁盼，在这里反映。我们会派专人办理，办结后请您评价。</Text>
      <Text className="home__body">可反映：{CATEGORIES.join('、')}</Text>
    </View>
  )
}
