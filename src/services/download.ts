import Taro from '@tarojs/taro'

/**
 * Opens a file the server made for the person (an exported workbook). In H5 the browser downloads
 * it under its name; in WeChat it is downloaded into the mini-program's own folder under its name
 * and opened with WeChat's document viewer, whose menu forwards or saves it. Rejects when either
 * step fails, so the page can say so.
 */
export async function openServerFile(url: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
    const downloaded = await Taro.downloadFile({ url, filePath })
    if (downloaded.statusCode !== 200) throw new Error(`download answered ${downloaded.statusCode}`)
    await Taro.openDocument({ filePath: downloaded.filePath || filePath, fileType: 'xlsx', showMenu: true })
    return
  }
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
}
