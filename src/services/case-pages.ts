import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { CaseView } from '@core/case/views'

/** The two pages a case is read on: the officials' workbench, and the reporter's or follower's page. */
const CASE_PAGES = {
  staff: '/packages/staff/pages/case/index',
  resident: '/pages/case/index',
} as const
type CasePage = keyof typeof CASE_PAGES

/** A case shown as the server sees the caller: staff views on the workbench, the others on the resident page. */
const pageFor = (view: Pick<CaseView, 'kind'>): CasePage => (view.kind === 'staff' ? 'staff' : 'resident')

/**
 * For a case page opened by someone whose view of the case belongs on the other page (a shared link,
 * an old message): `moveIfElsewhere` sends them there; `movingMessage` is the line to keep on screen
 * meanwhile instead of a blank page.
 */
export function useCasePage(here: CasePage) {
  const [moving, setMoving] = useState(false)
  const moveIfElsewhere = (view: Pick<CaseView, 'kind' | 'id'>): boolean => {
    const page = pageFor(view)
    if (page === here) return false
    setMoving(true)
    void Taro.redirectTo({ url: `${CASE_PAGES[page]}?id=${view.id}` })
    return true
  }
  return { movingMessage: moving ? '正在打开这条诉求…' : '', moveIfElsewhere }
}
