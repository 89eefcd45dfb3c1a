export default definePageConfig({
  navigationBarTitleText: '管理工作台',
})
