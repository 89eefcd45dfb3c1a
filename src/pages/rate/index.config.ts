export default definePageConfig({
  navigationBarTitleText: '评价办理结果',
})
