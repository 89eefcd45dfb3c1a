import { randomBytes } from 'node:crypto'
import type { ExportFiles, FileCheck } from '../ports/files'
import type { ImageSniffer } from './image-sniff'

/** The storage calls of @cloudbase/node-sdk this uses. */
export interface StorageApi {
  uploadFile(params: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID?: string }>
  downloadFile(params: { fileID: string }): Promise<{ fileContent?: Buffer | string }>
  getTempFileURL(params: { fileList: Array<{ fileID: string; maxAge: number }> }): Promise<{
    fileList?: Array<{ fileID: string; code?: string; tempFileURL?: string }>
  }>
}

/** How long a photo URL handed to a viewer stays valid. */
const URL_LIFETIME_SECONDS = 2 * 60 * 60
const URLS_PER_CALL = 50

/**
 * Photos live in cloud storage: the mini-program uploads them and sends their fileIDs. Clients
 * may read no file directly (storage rules); the functions read them, and hand out URLs. Only a
 * function that takes photos is given the image sniffer (its entry passes it), so that the others'
 * bundles leave the sniffing library out.
 */
export class CloudbaseFiles implements FileCheck, ExportFiles {
  constructor(
    private readonly app: StorageApi,
    private readonly sniffImage?: ImageSniffer,
  ) {}

  /** Downloads the file and looks at its bytes, as the local server does with an upload. */
  async isImage(fileId: string): Promise<boolean> {
    if (!this.sniffImage) throw new Error('this function checks no photos: its entry passes no image sniffer')
    if (!fileId.startsWith('cloud://')) return false
    try {
      const { fileContent } = await this.app.downloadFile({ fileID: fileId })
      return Buffer.isBuffer(fileContent) ? (await this.sniffImage(fileContent)) !== null : false
    } catch {
      return false // missing, or not ours to read
    }
  }

  /** getTempFileURL takes at most 50 files a call. */
  async temporaryUrls(fileIds: readonly string[]): Promise<Record<string, string>> {
    const urls: Record<string, string> = {}
    for (let start = 0; start < fileIds.length; start += URLS_PER_CALL) {
      const { fileList } = await this.app.getTempFileURL({
        fileList: fileIds
          .slice(start, start + URLS_PER_CALL)
          .map((fileID) => ({ fileID, maxAge: URL_LIFETIME_SECONDS })),
      })
      for (const file of fileList ?? []) {
        if (file.code === 'SUCCESS' && file.tempFileURL) urls[file.fileID] = file.tempFileURL
      }
    }
    return urls
  }

  /**
   * An export goes to cloud storage under a random folder, named as the caller will see it (the
   * mini-program opens it from there), and is handed out only as a temporary URL.
   */
  async saveExport(bytes: Buffer, fileName: string): Promise<{ fileId: string; url: string }> {
    const cloudPath = `exports/${randomBytes(16).toString('hex')}/${fileName}`
    const { fileID } = await this.app.uploadFile({ cloudPath, fileContent: bytes })
    if (!fileID) throw new Error(`upload of ${cloudPath} answered no fileID`)
    const url = (await this.temporaryUrls([fileID]))[fileID]
    if (!url) throw new Error(`no temporary URL for ${fileID}`)
    return { fileId: fileID, url }
  }
}
