import { PUBLICATIONS_ACTIONS } from '@core/catalogue/publications'
import type { FunctionUnit } from '../context'
import {
  editRow,
  getPublished,
  listPublished,
  listShowcases,
  markShowcase,
  omitRow,
  openDraft,
  publish,
  restoreRow,
} from '../publications'

/** 三个清单 and 典型案例: each action of core/catalogue/publications.ts bound to its handler. */
export const PUBLICATIONS: FunctionUnit<'publications'> = {
  name: 'publications',
  actions: PUBLICATIONS_ACTIONS,
  handlers: {
    openDraft,
    editRow,
    omitRow,
    restoreRow,
    publish,
    markShowcase,
    listPublished,
    getPublished,
    listShowcases,
  },
}
