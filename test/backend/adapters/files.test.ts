import { CloudbaseFiles } from '../../../backend/adapters/cloudbase.files'
import { DiskFileStore } from '../../../backend/adapters/disk.files'
import { sniffImage } from '../../../backend/adapters/image-sniff'
import { FakeCloudbaseApp } from '../../support/fake-cloudbase'
import { TINY_PNG } from '../../support/images'
import { tempDir } from '../../support/temp-dir'

const PHOTO = 'cloud://env-test.1234/cases/photo.png'
const FAKE = 'cloud://env-test.1234/cases/script.jpg'

describe('cloud storage (CloudBase): a referenced file is read and sniffed; URLs are short-lived', () => {
  const app = new FakeCloudbaseApp()
  app.storedFiles.add(PHOTO)
  app.fileContents.set(PHOTO, TINY_PNG)
  app.storedFiles.add(FAKE)
  app.fileContents.set(FAKE, Buffer.from('<script>alert(1)</script>'))
  const files = new CloudbaseFiles(app, sniffImage)

  test.each([
    [PHOTO, true],
    [FAKE, false],
    ['cloud://env-test.1234/cases/missing.png', false],
    ['https://example.com/photo.png', false],
  ])('%s is an image: %s', async (fileId, expected) => {
    expect(await files.isImage(fileId)).toBe(expected)
  })

  test('temporary URLs for stored files, none for missing ones, each asked for with a limited life', async () => {
    const urls = await files.temporaryUrls([PHOTO, 'cloud://env-test.1234/cases/missing.png'])
    expect(Object.keys(urls)).toEqual([PHOTO])
    expect(urls[PHOTO]).toMatch(/^https:\/\//)
    expect(app.tempUrlRequests.at(-1)).toEqual([
      { fileID: PHOTO, maxAge: 7200 },
      { fileID: 'cloud://env-test.1234/cases/missing.png', maxAge: 7200 },
    ])
    expect(await files.temporaryUrls([])).toEqual({})
  })

  test('a function given no image sniffer (it takes no photos) fails loudly if asked, never says “no”', async () => {
    await expect(new CloudbaseFiles(app).isImage(PHOTO)).rejects.toThrow('checks no photos')
  })
})

describe('local files: the same questions', () => {
  test('an image is one by its bytes; its URL is the local server’s', async () => {
    const files = await DiskFileStore.open(tempDir())
    const png = await files.save(TINY_PNG, 'png', 'image/png')
    const fake = await files.save(Buffer.from('not an image'), 'jpg', 'image/jpeg')
    expect(await files.isImage(png)).toBe(true)
    expect(await files.isImage(fake)).toBe(false)
    expect(await files.isImage('img_00000000000000000000000000000000.jpg')).toBe(false)
    expect(await files.temporaryUrls([png])).toEqual({ [png]: `/files/${png}` })
  })
})

test('URLs for more photos than one call takes are asked for 50 at a time', async () => {
  const app = new FakeCloudbaseApp()
  const ids = Array.from({ length: 63 }, (_, i) => `cloud://env-test.1234/cases/p${i}.png`)
  for (const id of ids) app.storedFiles.add(id)
  const urls = await new CloudbaseFiles(app).temporaryUrls(ids)
  expect(Object.keys(urls)).toHaveLength(63)
  expect(app.tempUrlRequests.map((request) => request.length)).toEqual([50, 13])
})

describe('exported files', () => {
  const WORKBOOK = Buffer.from('PK\u0003\u0004 not really a workbook')

  test('CloudBase: stored under exports/<random>/<its name>, answered with a 2-hour URL', async () => {
    const app = new FakeCloudbaseApp()
    const files = new CloudbaseFiles(app, sniffImage)
    const first = await files.saveExport(WORKBOOK, 'A办事处-2026年3月-民情通统计.xlsx')
    const second = await files.saveExport(WORKBOOK, 'A办事处-2026年3月-民情通统计.xlsx')
    expect(first.fileId).toMatch(
      /^cloud:\/\/env-test\.bucket\/exports\/[0-9a-f]{32}\/A办事处-2026年3月-民情通统计\.xlsx$/,
    )
    expect(second.fileId).not.toBe(first.fileId)
    expect(app.fileContents.get(first.fileId)).toEqual(WORKBOOK)
    expect(first.url).toBe(`https://example.invalid/${encodeURIComponent(first.fileId)}`)
    expect(app.tempUrlRequests[0]).toEqual([{ fileID: first.fileId, maxAge: 7200 }])
    // A workbook is never taken for a photo.
    expect(await files.isImage(first.fileId)).toBe(false)
  })

  test('locally: served by the local server, read back as a workbook, never taken for a photo', async () => {
    const files = await DiskFileStore.open(tempDir())
    const saved = await files.saveExport(WORKBOOK, 'A办事处-2026年3月-民情通统计.xlsx')
    expect(saved).toEqual({ fileId: expect.stringMatching(/^xlsx_[0-9a-f]{32}\.xlsx$/), url: `/files/${saved.fileId}` })
    expect(await files.read(saved.fileId)).toEqual({
      bytes: WORKBOOK,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    })
    expect(await files.isImage(saved.fileId)).toBe(false)
    expect(await files.temporaryUrls([saved.fileId])).toEqual({})
    await expect(files.save(WORKBOOK, 'xlsx', 'image/png')).rejects.toThrow('unsupported image extension')
  })
})
