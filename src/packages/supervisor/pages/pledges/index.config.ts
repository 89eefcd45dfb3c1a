export default definePageConfig({
  navigationBarTitleText: '领办情况',
})
