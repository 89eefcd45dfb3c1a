/**
 * What handlers need of stored photos: whether a referenced file is really an image (read and
 * sniffed, never trusted by its name), and short-lived URLs to show the ones a viewer may see.
 */
export interface FileCheck {
  isImage(fileId: string): Promise<boolean>
  /** URLs for the given files that exist (missing ones are left out), valid for a limited time. */
  temporaryUrls(fileIds: readonly string[]): Promise<Record<string, string>>
}

/** Files the functions write for their caller to download (the exported workbooks). */
export interface ExportFiles {
  /** Stores the file; answers its fileId and a short-lived URL to download it. */
  saveExport(bytes: Buffer, fileName: string): Promise<{ fileId: string; url: string }>
}

export interface StoredFile {
  bytes: Buffer
  contentType: string
}

/** The local server also stores and serves files (in WeChat, cloud storage does that). */
export interface FileStore extends FileCheck, ExportFiles {
  save(bytes: Buffer, extension: string, contentType: string): Promise<string>
  read(fileId: string): Promise<StoredFile | null>
}
