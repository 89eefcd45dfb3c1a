export default definePageConfig({
  navigationBarTitleText: '民情台账',
})
