export default definePageConfig({
  navigationBarTitleText: '干部工作台',
  enablePullDownRefresh: true,
})
