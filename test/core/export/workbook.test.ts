import type { Checkin } from '@core/fieldwork/fieldwork'
import { EXPORT_ROW_LIMIT, exportFileName, recordSheets } from '@core/export/workbook'

const period = (label: string) => ({ kind: 'month' as const, start: 0, end: 1, label })

test.each([
  ['东湖办事处', '2026年11月', '东湖办事处-2026年11月-民情通统计.xlsx'],
  ['西岭 办事处', '本周（3月9日至3月15日）', '西岭办事处-本周（3月9日至3月15日）-民情通统计.xlsx'],
  ['A/B:社区', '2026年3月1日至3月15日', 'AB社区-2026年3月1日至3月15日-民情通统计.xlsx'],
])('the file of %s for %s is named %s', (unit, label, expected) => {
  expect(exportFileName({ unit: { id: 'u', name: unit }, period: period(label) })).toBe(expected)
})

function checkin(index: number): Checkin {
  return {
    _id: `c${index}`,
    openid: 'cadre',
    personName: '王强',
    contactPointId: 'p',
    contactPointName: 'A小区联系点',
    unitPath: ['u'],
    signedInAt: Date.UTC(2026, 2, 11, 0, 0, 0),
    signedOutAt: index === 0 ? null : Date.UTC(2026, 2, 11, 2, 30, 0),
    hours: index === 0 ? null : 2.5,
    autoClosed: index === 2,
    position: { lat: 30.4321, lng: 112.8876 },
    accuracy: 10,
    distanceMeters: 5,
    suspiciousTravel: false,
    signOutPosition: null,
    signOutDistanceMeters: null,
    signedOutFar: false,
    signOutUnlocated: false,
    version: 1,
  }
}

const empty = { rows: [], total: 0 }

test('each record sheet says how many records there are, and says so when the limit cut it', () => {
  const titles = (total: number, shown: number) =>
    recordSheets(
      { cases: empty, visits: empty, checkins: { rows: Array.from({ length: shown }, (_, i) => checkin(i)), total } },
      () => '',
      0,
    ).map((sheet) => sheet.title)
  expect(EXPORT_ROW_LIMIT).toBe(5000)
  expect(titles(3, 3)).toEqual(['本期提交的诉求（共 0 条）', '本期走访（共 0 条）', '本期签到（共 3 条）'])
  expect(titles(5003, 5000)[2]).toBe(
    '本期签到（共 5003 条；超过 5000 条，只导出了前 5000 条，请缩短时段或按下级单位分别导出）',
  )
})

test('a sign-in row: open, closed by the job, or signed out', () => {
  const rows = recordSheets(
    { cases: empty, visits: empty, checkins: { rows: [0, 1, 2].map(checkin), total: 3 } },
    () => '',
    0,
  )[2]?.rows
  expect(rows).toEqual([
    ['王强', 'A小区联系点', '2026-03-11 08:00', '', null, '尚未签退'],
    ['王强', 'A小区联系点', '2026-03-11 08:00', '2026-03-11 10:30', 2.5, ''],
    ['王强', 'A小区联系点', '2026-03-11 08:00', '2026-03-11 10:30', 2.5, '未签退，系统关闭'],
  ])
})
