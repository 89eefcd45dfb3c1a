export default definePageConfig({
  navigationBarTitleText: '公开清单',
  enablePullDownRefresh: true,
})
