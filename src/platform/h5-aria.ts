/**
 * H5 only. Taro components and NutUI write WeChat's `aria-role` attribute, which browsers and
 * screen readers do not know; in the browser the same meaning is `role`. Mirror it as the DOM
 * changes, so that radios, checkboxes and buttons are announced as such.
 */
export function mirrorAriaRoles(root: HTMLElement): void {
  const fix = (element: Element) => {
    const role = element.getAttribute('aria-role')
    if (role !== null) {
      element.setAttribute('role', role)
      element.removeAttribute('aria-role')
    }
  }
  root.querySelectorAll('[aria-role]').forEach(fix)
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes') fix(mutation.target as Element)
      mutation.addedNodes.forEach((node) => {
        if (node instanceof Element) {
          fix(node)
          node.querySelectorAll('[aria-role]').forEach(fix)
        }
      })
    }
  }).observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-role'] })
}
