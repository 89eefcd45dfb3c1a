import { viewFileIds, type CaseView, type HandedOverView } from '@core/case/views'
import { fail, type Fail } from '@core/result'
import type { FileCheck } from '../ports/files'

/**
 * Adds the short-lived URLs of exactly the photos the view shows (it was built for its viewer
 * already). Storage failing does not fail the answer: an action already written stays answered,
 * and the page says a photo cannot be shown.
 */
export async function withPhotoUrls<V extends CaseView | HandedOverView>(files: FileCheck, view: V): Promise<V> {
  if (view.kind === 'handedOver') return view
  try {
    return { ...view, photoUrls: await files.temporaryUrls(viewFileIds(view)) }
  } catch (error) {
    console.error('[photos] no URLs for this view', error)
    return view
  }
}

/** Every file a request refers to must be an image already stored (read and sniffed), or the request is refused on `field`. */
export async function checkImages(files: FileCheck, fileIds: readonly string[], field: string): Promise<Fail | null> {
  for (const fileId of fileIds)
    if (!(await files.isImage(fileId))) return fail('CASE.PHOTO_NOT_FOUND', undefined, field)
  return null
}
