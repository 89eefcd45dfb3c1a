/** The image types a photo may be, by the MIME type `file-type` reads from the bytes, with their extension. */
const IMAGE_TYPES: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
}

/** Tells what image bytes are (by their content, never a declared type or name), or null. */
export type ImageSniffer = (bytes: Uint8Array) => Promise<{ mime: string; extension: string } | null>

/** What image the bytes are (by their content, never a declared type or name), or null. */
export const sniffImage: ImageSniffer = async (bytes) => {
  // The core entry reads buffers alone; the package's own adds file and stream readers (5 KB a bundle).
  const { fileTypeFromBuffer } = await import('file-type/core')
  const detected = await fileTypeFromBuffer(bytes)
  const extension = detected ? IMAGE_TYPES[detected.mime] : undefined
  return detected && extension ? { mime: detected.mime, extension } : null
}
