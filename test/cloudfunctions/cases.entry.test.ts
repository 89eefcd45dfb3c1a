import { FakeCloudbaseApp, fakeContext } from '../support/fake-cloudbase'
import { buildFunctions, loadBundledFunction, type Main } from '../support/bundled-function'

describe('the bundled cases function on CloudBase (fake SDK, fake context)', () => {
  const app = new FakeCloudbaseApp()
  let main: Main

  beforeAll(() => {
    app.db.rows('orgUnits').set('estate-9', {
      _id: 'estate-9',
      name: '九号小区',
      kind: 'estate',
      parentId: null,
      ancestorIds: [],
      active: true,
      createdAt: 0,
      version: 1,
    })
    app.storedFiles.add('cloud://env-test.1234/cases/photo-1.jpg')
    main = loadBundledFunction(buildFunctions(), 'cases', app)
  })

  const submit = {
    action: 'submit',
    clientRequestId: 'wx-req-0001',
    category: '住房',
    description: '九号小区屋顶漏水，雨天家里接了好几个盆。',
    areaUnitId: 'estate-9',
    photos: ['cloud://env-test.1234/cases/photo-1.jpg'],
    location: { coords: { lat: 30.42, lng: 112.88, system: 'gcj02' } },
    reporter: { name: '赵奶奶', phone: '13912345678' },
    userInfo: { openId: 'forged-openid', appId: 'wx-test-app' },
  }

  test('submit then get, with identity from the context', async () => {
    const submitted = await main(submit, fakeContext('oWX-resident-1'))
    expect(submitted).toMatchObject({ ok: true, data: { status: 'submitted', photos: submit.photos } })
    const { id, number } = (submitted as unknown as { data: { id: string; number: string } }).data
    expect(number).toMatch(/^\d{4}-000001$/)

    const stored = app.db.rows('cases').get(id) as Record<string, unknown>
    expect(stored).toMatchObject({ createdBy: { openid: 'oWX-resident-1' }, followerOpenids: ['oWX-resident-1'] })
    expect(stored).not.toHaveProperty('userInfo')

    expect(await main({ action: 'get', id }, fakeContext('oWX-resident-1'))).toMatchObject({
      ok: true,
      data: { id, number },
    })
    expect(await main({ action: 'get', number }, fakeContext('oWX-someone-else'))).toMatchObject({
      ok: false,
      code: 'CASE.NOT_FOUND',
    })
    const list = await main({ action: 'listMine' }, fakeContext('oWX-resident-1'))
    expect(list).toMatchObject({ ok: true, data: { total: 1 } })
  })

  test('a resend is one case; a photo not in cloud storage is refused', async () => {
    await main(submit, fakeContext('oWX-resident-1'))
    expect(app.db.rows('cases').size).toBe(1)
    expect(
      await main(
        { ...submit, clientRequestId: 'wx-req-0002', photos: ['cloud://env-test.1234/cases/missing.jpg'] },
        fakeContext('oWX-resident-1'),
      ),
    ).toMatchObject({ ok: false, code: 'CASE.PHOTO_NOT_FOUND' })
  })

  test('answers are checked against their schema (CHECK_OUTPUTS=1): a stored case no view allows is not sent', async () => {
    const submitted = await main({ ...submit, clientRequestId: 'wx-req-0003' }, fakeContext('oWX-resident-2'))
    const { id } = (submitted as unknown as { data: { id: string } }).data
    ;(app.db.rows('cases').get(id) as Record<string, unknown>).category = '不在类别表里'
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const answer = await main({ action: 'get', id }, fakeContext('oWX-resident-2'))
    logged.mockRestore()
    expect(answer).toMatchObject({ ok: false, code: 'SYSTEM.BAD_OUTPUT' })
  })

  test('without an OPENID in the context the caller must log in, whatever the event claims', async () => {
    expect(await main({ ...submit, openid: 'oWX-resident-1' }, { request_id: 'r', environment: '{}' })).toMatchObject({
      ok: false,
      code: 'AUTH.LOGIN_REQUIRED',
    })
  })
})
