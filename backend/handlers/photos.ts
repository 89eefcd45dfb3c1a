import { viewFileIds, type CaseView, type HandedOverView } from '@core/case/views'
import type { FileCheck } from '../ports/files'

/** Adds the short-lived URLs of exactly the photos the view shows (it was built for its viewer already). */
export async function withPhotoUrls<V extends CaseView | HandedOverView>(files: FileCheck, view: V): Promise<V> {
  if (view.kind === 'handedOver') return view
  return { ...view, photoUrls: await files.temporaryUrls(viewFileIds(view)) }
}
