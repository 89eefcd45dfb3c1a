/** Browsers report a default text size of 16 px; a person who set it larger gets larger type. */
const BROWSER_DEFAULT_PX = 16

/**
 * H5 only: the person's browser text-size setting as a factor, WeChat's font setting's twin. The
 * `medium` keyword resolves to that setting whatever the page's own sizes are.
 */
export function browserTextScale(): number {
  const probe = document.createElement('span')
  probe.style.fontSize = 'medium'
  probe.style.position = 'absolute'
  probe.style.visibility = 'hidden'
  document.body.appendChild(probe)
  const px = parseFloat(getComputedStyle(probe).fontSize)
  probe.remove()
  return px > 0 ? px / BROWSER_DEFAULT_PX : 1
}
