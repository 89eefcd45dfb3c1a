/**
 * H5 only: two gaps between Taro's browser rendering and what browsers and screen readers expect.
 * - Taro components and NutUI write WeChat's `aria-role` attribute, which browsers do not know; in
 *   the browser the same meaning is `role`. It is mirrored as the DOM changes.
 * - Each Taro page is a scrolling container; keyboard users can scroll it only if it can take focus.
 */
export function fixBrowserAccessibility(root: HTMLElement): void {
  const fix = (element: Element) => {
    const role = element.getAttribute('aria-role')
    if (role !== null) {
      element.setAttribute('role', role)
      element.removeAttribute('aria-role')
    }
    if (element.classList.contains('taro_page') && !element.hasAttribute('tabindex'))
      element.setAttribute('tabindex', '0')
  }
  const fixTree = (element: Element) => {
    fix(element)
    element.querySelectorAll('[aria-role], .taro_page').forEach(fix)
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
