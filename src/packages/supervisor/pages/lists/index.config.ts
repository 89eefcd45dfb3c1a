export default definePageConfig({
  navigationBarTitleText: '三个清单',
})
