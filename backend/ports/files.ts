export interface StoredFile {
  bytes: Buffer
  contentType: string
}

/** Where photos live: CloudBase storage in WeChat, a folder on disk locally. */
export interface FileStore {
  save(bytes: Buffer, extension: string, contentType: string): Promise<string>
  read(fileId: string): Promise<StoredFile | null>
  exists(fileId: string): Promise<boolean>
}
