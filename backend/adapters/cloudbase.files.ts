import type tcb from '@cloudbase/node-sdk'
import type { FileCheck } from '../ports/files'

type CloudbaseApp = ReturnType<typeof tcb.init>

/** Photos live in cloud storage; the mini-program uploads them and sends their fileIDs. */
export class CloudbaseFiles implements FileCheck {
  constructor(private readonly app: Pick<CloudbaseApp, 'getTempFileURL'>) {}

  async exists(fileId: string): Promise<boolean> {
    if (!fileId.startsWith('cloud://')) return false
    const { fileList } = await this.app.getTempFileURL({ fileList: [fileId] })
    return fileList?.[0]?.code === 'SUCCESS'
  }
}
