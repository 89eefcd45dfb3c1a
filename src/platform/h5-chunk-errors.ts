/**
 * H5 only: when the code of a page fails to download (a weak line, or a new release replaced the
 * files), the router's failure would leave the last page on screen with nothing said. It is shown
 * instead, with a retry that loads the page the person asked for again.
 */
const BOX_ID = 'mq-chunk-failed'

function isChunkFailure(reason: unknown): boolean {
  if (!reason || typeof reason !== 'object') return false
  const { name, message } = reason as { name?: unknown; message?: unknown }
  return name === 'ChunkLoadError' || /Loading (CSS )?chunk .+ failed/.test(String(message ?? ''))
}

function button(doc: Document, text: string, primary: boolean, onClick: () => void): HTMLButtonElement {
  const element = doc.createElement('button')
  element.type = 'button'
  element.textContent = text
  element.style.cssText = [
    'min-height:48px',
    'min-width:96px',
    'padding:8px 20px',
    'border-radius:24px',
    'font-size:18px',
    `border:2px solid #b71c1c`,
    `background:${primary ? '#b71c1c' : '#ffffff'}`,
    `color:${primary ? '#ffffff' : '#b71c1c'}`,
  ].join(';')
  element.addEventListener('click', onClick)
  return element
}

function showRetry(win: Window): void {
  const doc = win.document
  if (doc.getElementById(BOX_ID)) return
  const box = doc.createElement('div')
  box.id = BOX_ID
  box.setAttribute('role', 'alertdialog')
  box.setAttribute('aria-labelledby', `${BOX_ID}-text`)
  box.style.cssText =
    'position:fixed;left:0;right:0;bottom:0;z-index:3000;padding:20px 16px 28px;background:#ffffff;' +
    'border-top:4px solid #b71c1c;box-shadow:0 -4px 16px rgba(0,0,0,0.2);font-size:18px;line-height:1.5;color:#1a1a1a'
  const text = doc.createElement('p')
  text.id = `${BOX_ID}-text`
  text.style.margin = '0 0 16px'
  text.textContent = '页面没有加载出来，可能是网络不畅。请检查网络后点“重试”。'
  const actions = doc.createElement('div')
  actions.style.cssText = 'display:flex;flex-wrap:wrap;gap:12px'
  actions.append(
    button(doc, '重试', true, () => win.location.reload()),
    button(doc, '回到首页', false, () => {
      win.location.hash = '#/pages/index/index'
      win.location.reload()
    }),
  )
  box.append(text, actions)
  doc.body.append(box)
}

export function watchChunkFailures(win: Window): void {
  win.addEventListener('unhandledrejection', (event) => {
    if (!isChunkFailure(event.reason)) return
    event.preventDefault()
    showRetry(win)
  })
}
