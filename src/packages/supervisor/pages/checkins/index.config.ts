export default definePageConfig({
  navigationBarTitleText: '辖区签到记录',
})
