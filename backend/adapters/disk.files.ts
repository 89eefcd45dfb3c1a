import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { FileStore, StoredFile } from '../ports/files'
import { sniffImage } from './image-sniff'

const LOCAL_FILE_ID = /^img_[0-9a-f]{32}\.(jpg|png|gif|webp|heic)$/
/** Exported workbooks: the same random names, never taken for a photo. */
const EXPORT_FILE_ID = /^xlsx_[0-9a-f]{32}\.xlsx$/

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** Local stand-in for cloud storage: one file per upload, named by a random id. */
export class DiskFileStore implements FileStore {
  private constructor(private readonly dir: string) {}

  static async open(dir: string): Promise<DiskFileStore> {
    await fs.mkdir(dir, { recursive: true })
    return new DiskFileStore(dir)
  }

  static isLocalFileId(fileId: string): boolean {
    return LOCAL_FILE_ID.test(fileId)
  }

  async save(bytes: Buffer, extension: string, _contentType: string): Promise<string> {
    if (!(extension in CONTENT_TYPES) || extension === 'xlsx')
      throw new Error(`unsupported image extension ${extension}`)
    const fileId = `img_${randomBytes(16).toString('hex')}.${extension}`
    await fs.writeFile(path.join(this.dir, fileId), bytes, { flag: 'wx' })
    return fileId
  }

  /** The browser names the download itself (the page's `download` attribute), so only the bytes are kept. */
  async saveExport(bytes: Buffer, _fileName: string): Promise<{ fileId: string; url: string }> {
    const fileId = `xlsx_${randomBytes(16).toString('hex')}.xlsx`
    await fs.writeFile(path.join(this.dir, fileId), bytes, { flag: 'wx' })
    return { fileId, url: `/files/${fileId}` }
  }

  async read(fileId: string): Promise<StoredFile | null> {
    if (!DiskFileStore.isLocalFileId(fileId) && !EXPORT_FILE_ID.test(fileId)) return null
    try {
      const bytes = await fs.readFile(path.join(this.dir, fileId))
      return { bytes, contentType: CONTENT_TYPES[fileId.split('.').pop() as string] as string }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  async isImage(fileId: string): Promise<boolean> {
    const file = DiskFileStore.isLocalFileId(fileId) ? await this.read(fileId) : null
    return file ? (await sniffImage(file.bytes)) !== null : false
  }

  /** Locally the server itself serves the files (GET /files/<fileId>). */
  async temporaryUrls(fileIds: readonly string[]): Promise<Record<string, string>> {
    const urls: Record<string, string> = {}
    for (const fileId of fileIds) if (DiskFileStore.isLocalFileId(fileId)) urls[fileId] = `/files/${fileId}`
    return urls
  }
}
