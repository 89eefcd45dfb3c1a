import { staffEntriesFor } from '../../src/services/staff-entries'

/** DESIGN.md §4, written out: the staff pages each role reaches from 我的. */
const EXPECTED = {
  resident: [],
  cadre: ['统计看板', '我的任务', '回访', '签到签退', '走访记录', '民情台账', '我的工作', '立行立改', '公开清单'],
  supervisor: [
    '辖区诉求',
    '统计看板',
    '督办',
    '三个清单',
    '领办情况',
    '我的任务',
    '回访',
    '签到签退',
    '走访记录',
    '民情台账',
    '我的工作',
    '立行立改',
    '联系点管理',
    '辖区签到记录',
    '公开清单',
  ],
  admin: [
    '辖区诉求',
    '统计看板',
    '三个清单',
    '领办情况',
    '民情台账',
    '联系点管理',
    '辖区签到记录',
    '组织管理',
    '人员管理',
    '邀请码管理',
    '办理时限',
    '公开清单',
  ],
} as const

test.each(Object.entries(EXPECTED))('%s reaches exactly the pages its permissions allow', (role, labels) => {
  expect(staffEntriesFor(role as keyof typeof EXPECTED).map((entry) => entry.label)).toEqual(labels)
})
