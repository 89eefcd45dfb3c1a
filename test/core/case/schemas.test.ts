import { submitCaseInput, getCaseInput, listMyCasesInput } from '@core/case/case.schemas'

const valid = {
  action: 'submit',
  clientRequestId: 'abcd-1234',
  category: '医疗',
  description: '  社区卫生室缺药  ',
  areaUnitId: 'unit-1',
  reporter: { name: ' 李大爷 ', phone: '138 1234 5678' },
}

describe('submitCaseInput', () => {
  test('applies defaults, trims text, normalizes the phone', () => {
    expect(submitCaseInput.parse(valid)).toEqual({
      action: 'submit',
      clientRequestId: 'abcd-1234',
      category: '医疗',
      urgency: 'normal',
      description: '社区卫生室缺药',
      photos: [],
      areaUnitId: 'unit-1',
      reporter: { name: '李大爷', phone: '13812345678', anonymous: false, relation: 'self' },
      subscriptions: [],
    })
  })

  test('strips unknown and identity-looking fields, including WeChat’s userInfo', () => {
    const parsed = submitCaseInput.parse({ ...valid, userInfo: { openId: 'x' }, openid: 'x', role: 'admin', extra: 1 })
    expect(Object.keys(parsed).sort()).toEqual(
      [
        'action',
        'areaUnitId',
        'category',
        'clientRequestId',
        'description',
        'photos',
        'reporter',
        'subscriptions',
        'urgency',
      ].sort(),
    )
  })

  test.each([
    [
      {
        photos: Array(9)
          .fill(0)
          .map((_, i) => `img_${String(i).padStart(32, 'a')}.jpg`),
      },
      true,
    ],
    [
      {
        photos: Array(10)
          .fill(0)
          .map((_, i) => `img_${String(i).padStart(32, 'a')}.jpg`),
      },
      false,
    ],
    [{ photos: [`img_${'a'.repeat(32)}.jpg`, `img_${'a'.repeat(32)}.jpg`] }, false],
    [{ photos: ['cloud://env-1.6465/cases/abc.jpg'] }, true],
    [{ description: '灯坏' }, true],
    [{ description: '灯' }, false],
    [{ description: '很'.repeat(1000) }, true],
    [{ description: '很'.repeat(1001) }, false],
    [{ location: { address: '柳岸小区3栋' } }, true],
    [{ location: { coords: { lat: 30.4, lng: 112.9, system: 'gcj02' } } }, true],
    [{ location: { coords: { lat: 30.4, lng: 181, system: 'gcj02' } } }, false],
    [{ location: { coords: { lat: NaN, lng: 112, system: 'gcj02' } } }, false],
    [{ location: { coords: { lat: 30, lng: 112, system: 'wgs84', accuracy: -1 } } }, false],
    [{ location: { address: '   ' } }, false],
    [{ urgency: 'urgent' }, true],
    [{ urgency: 'URGENT' }, false],
    [{ category: '其他' }, true],
    [{ category: '' }, false],
    [{ reporter: { name: '李大爷', phone: '13812345678', anonymous: 'yes' } }, false],
    [{ reporter: { name: '李大爷', phone: '13812345678', relation: 'neighbour' } }, false],
    [{ reporter: { name: '李'.repeat(21), phone: '13812345678' } }, false],
    [{ clientRequestId: 'short' }, false],
    [{ areaUnitId: '' }, false],
  ])('%j valid: %p', (overrides, expected) => {
    expect(submitCaseInput.safeParse({ ...valid, ...overrides }).success).toBe(expected)
  })

  test('every refusal carries a Chinese message', () => {
    const result = submitCaseInput.safeParse({ action: 'submit' })
    expect(result.success).toBe(false)
    for (const issue of result.error?.issues ?? []) expect(issue.message).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('listMyCasesInput and getCaseInput', () => {
  test('listMine defaults to the first page of 20; a later page is asked for by cursor', () => {
    expect(listMyCasesInput.parse({ action: 'listMine' })).toEqual({ action: 'listMine', pageSize: 20 })
    expect(listMyCasesInput.parse({ action: 'listMine', cursor: 'abc' })).toEqual({
      action: 'listMine',
      cursor: 'abc',
      pageSize: 20,
    })
    expect(listMyCasesInput.safeParse({ action: 'listMine', cursor: '' }).success).toBe(false)
  })
  test.each([
    [{ id: 'abc' }, true],
    [{ number: '2026-000001' }, true],
    [{ number: ' 2026-000001 ' }, true],
    [{}, false],
    [{ id: 'abc', number: '2026-000001' }, false],
    [{ number: '2026-1' }, false],
  ])('get %j valid: %p', (input, expected) => {
    expect(getCaseInput.safeParse({ action: 'get', ...input }).success).toBe(expected)
  })
})
