/**
 * H5 only: two gaps between Taro's browser rendering and what browsers and screen readers expect.
 * - Taro components and NutUI write WeChat's `aria-role` attribute, which browsers do not know; in
 *   the browser the same meaning is `role`. It is mirrored as the DOM changes.
 * - Each Taro page is a scrolling container; keyboard users can scroll it only if it can take focus.
 * - The title bar Taro draws has back and home icons with no name: they are named buttons here.
 */
const TITLE_BAR_BUTTONS: Record<string, string> = {
  'taro-navigation-bar-back': '返回',
  'taro-navigation-bar-home': '回到首页',
}

export function fixBrowserAccessibility(root: HTMLElement): void {
  const fix = (element: Element) => {
    const role = element.getAttribute('aria-role')
    if (role !== null) {
      element.setAttribute('role', role)
      element.removeAttribute('aria-role')
    }
    if (element.classList.contains('taro_page') && !element.hasAttribute('tabindex'))
      element.setAttribute('tabindex', '0')
    for (const [className, label] of Object.entries(TITLE_BAR_BUTTONS)) {
      if (element.classList.contains(className) && !element.hasAttribute('aria-label')) {
        element.setAttribute('role', 'button')
        element.setAttribute('aria-label', label)
        element.setAttribute('tabindex', '0')
      }
    }
  }
  const fixTree = (element: Element) => {
    fix(element)
    element
      .querySelectorAll('[aria-role], .taro_page, .taro-navigation-bar-back, .taro-navigation-bar-home')
      .forEach(fix)
  }
  fixTree(root)
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes') fix(mutation.target as Element)
      mutation.addedNodes.forEach((node) => {
        if (node instanceof Element) fixTree(node)
      })
    }
  }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-role', 'class'] })
}
