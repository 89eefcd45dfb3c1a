import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Dashboard, Rate } from '@core/stats/dashboard.schemas'
import { RATE_FORMULAS } from '@core/stats/labels'
import { percent } from '../figures'

type Rates = Dashboard['rates']

function formula(top: string, bottom: string, rate: Rate): string {
  return `${top} ${rate.numerator} ÷ ${bottom} ${rate.denominator}`
}

export default function RatesCard({ rates, urlOf }: { rates: Rates; urlOf: (figure: string) => string }) {
  const open = (figure: string) => () => void Taro.navigateTo({ url: urlOf(figure) })
  return (
    <View className="mq-card">
      <Text className="mq-subtitle">三率</Text>
      {RATE_FORMULAS.map(({ key, name, top, bottom }) => (
        <View key={key} className="dashboard__rate" role="link" onClick={open(`rates.${key}`)}>
          <Text className="dashboard__rate-value">
            {name} {percent(rates[key])}
          </Text>
          <Text className="dashboard__rate-formula">
            {name} = {top} ÷ {bottom}
          </Text>
          <Text className="dashboard__rate-formula">= {formula(top, bottom, rates[key])}</Text>
        </View>
      ))}
      <Text className="mq-hint">解决率和满意率只算群众实际作出的评价；超期未评价记为默认满意的，另列如下。</Text>
      <View className="dashboard__rate dashboard__rate--apart" role="link" onClick={open('rates.defaultRated')}>
        <Text className="dashboard__rate-value">默认满意 {rates.defaultRated} 件</Text>
      </View>
      <View className="dashboard__rate" role="link" onClick={open('rates.solvedWithDefault')}>
        <Text className="dashboard__rate-formula">
          含默认满意的解决率 {percent(rates.solvedWithDefault)}（{formula('已解决', '评价', rates.solvedWithDefault)}）
        </Text>
      </View>
      <View className="dashboard__rate" role="link" onClick={open('rates.satisfiedWithDefault')}>
        <Text className="dashboard__rate-formula">
          含默认满意的满意率 {percent(rates.satisfiedWithDefault)}（
          {formula('满意 + 基本满意', '评价', rates.satisfiedWithDefault)}）
        </Text>
      </View>
      <View className="dashboard__rate" role="link" onClick={open('rates.closures')}>
        <Text className="dashboard__rate-formula">本期销号 {rates.closures} 次（重办后再次销号的计两次）</Text>
      </View>
    </View>
  )
}
