export default definePageConfig({
  navigationBarTitleText: '督办工作台',
  enablePullDownRefresh: true,
})
