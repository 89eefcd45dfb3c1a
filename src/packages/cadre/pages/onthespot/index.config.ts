export default definePageConfig({
  navigationBarTitleText: '立行立改',
})
