/** The image types a photo may be, by the MIME type `file-type` reads from the bytes, with their extension. */
const IMAGE_TYPES: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/heic': 'heic',
}

/** What image the bytes are (by their content, never a declared type or name), or null. */
export async function sniffImage(bytes: Uint8Array): Promise<{ mime: string; extension: string } | null> {
  const { fileTypeFromBuffer } = await import('file-type')
  const detected = await fileTypeFromBuffer(bytes)
  const extension = detected ? IMAGE_TYPES[detected.mime] : undefined
  return detected && extension ? { mime: detected.mime, extension } : null
}
