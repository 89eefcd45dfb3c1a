/** What handlers need of stored photos: only to know that an uploaded file exists. */
export interface FileCheck {
  exists(fileId: string): Promise<boolean>
}

export interface StoredFile {
  bytes: Buffer
  contentType: string
}

/** The local server also stores and serves files (in WeChat, cloud storage does that). */
export interface FileStore extends FileCheck {
  save(bytes: Buffer, extension: string, contentType: string): Promise<string>
  read(fileId: string): Promise<StoredFile | null>
}
