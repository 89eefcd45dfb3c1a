import { PAGES } from './page-access'

/**
 * Where a case's note 已列入2026年11月问题清单… leads: 公开清单 at the month it names (the latest
 * month when it names none).
 */
export function publicListsUrl(listing?: string): string {
  const match = listing ? /(\d{4})年(\d{1,2})月/.exec(listing) : null
  if (!match) return PAGES.publicLists.url
  return `${PAGES.publicLists.url}?month=${match[1]}-${(match[2] ?? '').padStart(2, '0')}`
}
