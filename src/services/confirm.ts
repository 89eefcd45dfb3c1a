import Taro from '@tarojs/taro'

/**
 * Asks before something a person would regret doing by a slip of the finger (停用): the question,
 * what follows, and two answers in words; true when they confirm.
 */
export async function confirmAction(title: string, content: string, confirmText: string): Promise<boolean> {
  try {
    const { confirm } = await Taro.showModal({
      title,
      content,
      confirmText,
      cancelText: '取消',
      // The app's red on white, 5.9:1 (the platform's default green is too faint for 适老化).
      confirmColor: '#b71c1c',
      cancelColor: '#1a1a1a',
    })
    return confirm
  } catch {
    return false
  }
}
