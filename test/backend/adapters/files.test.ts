import { CloudbaseFiles } from '../../../backend/adapters/cloudbase.files'
import { DiskFileStore } from '../../../backend/adapters/disk.files'
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
  const files = new CloudbaseFiles(app)

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
