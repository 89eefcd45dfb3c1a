import type { Case } from '@core/case/case'
import { unitsNamedIn, viewCaseFor, viewFileIds, type CaseView, type HandedOverView } from '@core/case/views'
import type { FileCheck } from '../ports/files'
import type { HandlerContext } from './context'
import { unitNames } from './orgs'
import { listingLabels } from './publications'

/**
 * Adds the short-lived URLs of exactly the photos the view shows (it was built for its viewer
 * already). Storage failing does not fail the answer: an action already written stays answered,
 * and the page says a photo cannot be shown.
 */
async function withPhotoUrls<V extends CaseView | HandedOverView>(files: FileCheck, view: V): Promise<V> {
  if (view.kind === 'handedOver') return view
  try {
    return { ...view, photoUrls: await files.temporaryUrls(viewFileIds(view)) }
  } catch (error) {
    console.error('[photos] no URLs for this view', error)
    return view
  }
}

/**
 * A case as the caller may see it (null if they may not): the core's view, given the names of the
 * units it mentions, with the URLs of its photos.
 */
export async function presentCase(
  { store, files, actor }: Pick<HandlerContext, 'store' | 'files' | 'actor'>,
  doc: Case,
  now: number,
): Promise<CaseView | null> {
  const view = viewCaseFor(actor, doc, now, await unitNames(store, unitsNamedIn(doc)))
  if (!view) return null
  return withPhotoUrls(files, { ...view, publicListings: await listingLabels(store, doc._id) })
}
