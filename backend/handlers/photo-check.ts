import { fail, type Fail } from '@core/result'
import type { FileCheck } from '../ports/files'

/**
 * Every file a request refers to must be an image already stored (read and sniffed), or the request
 * is refused on `field`. A module of its own: a deployed function whose handlers check photos
 * carries this, and must be given the image sniffer by its entry (the bundles' test holds the two
 * together).
 */
export async function checkImages(files: FileCheck, fileIds: readonly string[], field: string): Promise<Fail | null> {
  for (const fileId of fileIds)
    if (!(await files.isImage(fileId))) return fail('CASE.PHOTO_NOT_FOUND', undefined, field)
  return null
}
