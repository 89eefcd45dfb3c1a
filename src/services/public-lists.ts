import { PAGES } from './page-access'

/** Where a case's note 已列入2026年11月问题清单… leads: 公开清单 at that month (the latest without one). */
export function publicListsUrl(month?: string): string {
  return month ? `${PAGES.publicLists.url}?month=${month}` : PAGES.publicLists.url
}
