import type { Browser } from 'playwright-core'
import type { Case } from '@core/case/case'
import type { Checkin } from '@core/fieldwork/fieldwork'
import type { Visit } from '@core/fieldwork/visit'
import {
  H5_BUILD,
  agreeToPrivacy,
  expectAccessible,
  launchChromium,
  nutButton,
  openAsDemoUser,
  requireH5Build,
  screenshot,
} from '../support/browser'
import { readCollection } from '../support/datafiles'
import { startServer, type RunningServer } from '../support/server-process'
import { tempDir } from '../support/temp-dir'

jest.setTimeout(240_000)

// 柳岸小区联系点 of the demo data is at 30.4285, 112.8912 (WGS-84), radius 300 m.
const NEAR = { latitude: 30.429, longitude: 112.8912, accuracy: 15 }
const TWO_KM_AWAY = { latitude: 30.4285 + 2000 / 111_195, longitude: 112.8912, accuracy: 15 }
const CADRE = '王强（党员干部 · 东湖办事处）'

let server: RunningServer
let browser: Browser
let dataDir: string

beforeAll(async () => {
  requireH5Build()
  dataDir = tempDir()
  server = await startServer({ DATA_DIR: dataDir, STATIC_DIR: H5_BUILD })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const at = (position: typeof NEAR) => ({ geolocation: position, permissions: ['geolocation'] })

test('a cadre signs in, knocks on a door, raises a case that reaches 待派单, signs out, and sees the hours', async () => {
  const cadre = await openAsDemoUser(browser, server.url, CADRE, at(NEAR))
  await cadre.goto(`${server.url}/#/packages/cadre/pages/checkin/index`)
  await agreeToPrivacy(cadre)
  await cadre
    .getByText(/柳岸小区联系点/)
    .first()
    .waitFor()
  await cadre
    .getByText(/距您约 \d+ 米/)
    .first()
    .waitFor()
  await nutButton(cadre, '在此签到').first().click()
  await cadre.locator('.mq-success', { hasText: '已在“柳岸小区联系点”签到' }).waitFor()
  await screenshot(cadre, '19-cadre-checkin')
  await expectAccessible(cadre, 'checkin')

  // 敲门入户 at a household tagged 独居老人, one opinion, one case raised.
  await cadre.goto(`${server.url}/#/packages/cadre/pages/visit/index`)
  await cadre.locator('.visit__area').click()
  await cadre.getByText('东湖办事处 · 柳岸小区').click()
  await cadre.locator('.mq-choice-sheet').waitFor({ state: 'hidden' })
  await cadre.locator('input[placeholder="户主姓名"]').fill('孙秀英')
  await cadre.locator('input[placeholder="住址，例如 柳岸小区3栋101"]').fill('柳岸小区3栋101')
  await cadre.locator('.nut-checkbox', { hasText: '独居老人' }).click()
  await cadre.locator('input[placeholder="一条意见，例如 楼下路灯不亮"]').fill('希望有人定期上门量血压')
  await nutButton(cadre, '记下这条意见').click()
  await cadre.getByText('希望有人定期上门量血压').first().waitFor()
  await cadre.locator('.nut-radio', { hasText: /^人居环境$/ }).click()
  await cadre.locator('.visit__case-description textarea').fill('3栋楼下路灯不亮，独居老人晚上不敢出门')
  await cadre.locator('input[placeholder="反映人姓名"]').fill('孙秀英')
  await cadre.locator('input[placeholder="反映人电话"]').fill('13812345678')
  await nutButton(cadre, '加入立案').click()
  await screenshot(cadre, '20-cadre-visit')
  await expectAccessible(cadre, 'visit')
  await nutButton(cadre, '提交走访记录').click()
  await cadre.locator('.mq-success', { hasText: '走访已记录，立案 1 件' }).waitFor()
  // The raised case by its number, one tap from here.
  await cadre.locator('.nut-button', { hasText: /诉求 \d{4}-\d{6}（点击查看）/ }).waitFor()

  // 民情台账: the household, its tag and its visit history.
  await cadre.goto(`${server.url}/#/packages/cadre/pages/ledger/index`)
  await cadre.getByText('孙秀英 · 独居老人').waitFor()
  const household = cadre.locator('.cadre__row', { hasText: '孙秀英 · 独居老人' }).first()
  await household.locator('.nut-button', { hasText: '走访记录' }).click()
  await household.getByText(/王强 · 敲门入户/).waitFor()
  await household.getByText('意见：希望有人定期上门量血压').waitFor()
  await household.locator('.nut-button', { hasText: /立案 \d{4}-\d{6}/ }).waitFor()
  await expectAccessible(cadre, 'ledger')

  // The case waits in the supervisor's 待派单 queue, marked as raised from a visit.
  const supervisor = await openAsDemoUser(browser, server.url, '陈立新（督办领导 · 东湖办事处）')
  await supervisor.goto(`${server.url}/#/packages/supervisor/pages/cases/index`)
  await supervisor.locator('.mq-case-row', { hasText: '独居老人晚上不敢出门' }).click()
  await supervisor.getByText(/来源：干部走访/).waitFor()
  await screenshot(supervisor, '21-supervisor-visit-case')
  await supervisor.goto(`${server.url}/#/packages/supervisor/pages/points/index`)
  await supervisor.getByText('柳岸小区联系点').waitFor()
  await expectAccessible(supervisor, 'contact points')

  // Two hours later the cadre signs out; 我的工作 shows the hours.
  await fetch(`${server.url}/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ offsetHours: 2 }),
  })
  await cadre.goto(`${server.url}/#/packages/cadre/pages/checkin/index`)
  await nutButton(cadre, /^签退$/).click()
  await cadre.locator('.mq-success', { hasText: /已签退，本次下沉 2(\.\d+)? 小时/ }).waitFor()
  await cadre.goto(`${server.url}/#/packages/cadre/pages/work/index`)
  await cadre.locator('.work__hours').waitFor()
  await screenshot(cadre, '22-cadre-my-work')
  await expectAccessible(cadre, 'my work')

  // The figures on the page equal a naive count over the stored records.
  const shown = async (key: string) =>
    Number((await cadre.locator(`.work__${key} .cadre__figure-value`).textContent())?.trim().split(' ')[0])
  const checkins = readCollection<Checkin>(dataDir, 'checkins').filter((c) => c.openid === 'demo-cadre-wang')
  const visits = readCollection<Visit>(dataDir, 'visits').filter((v) => v.openid === 'demo-cadre-wang')
  const raised = readCollection<Case>(dataDir, 'cases').filter(
    (c) => c.createdBy.openid === 'demo-cadre-wang' && c.source === 'visit',
  )
  expect(await shown('signIns')).toBe(checkins.length)
  expect(await shown('hours')).toBe(checkins.reduce((sum, c) => sum + (c.hours ?? 0), 0))
  expect(await shown('visits')).toBe(visits.length)
  expect(await shown('doorsKnocked')).toBe(visits.filter((v) => v.kind === '敲门入户').length)
  expect(await shown('peopleMet')).toBe(visits.reduce((sum, v) => sum + v.headcount, 0))
  expect(await shown('opinions')).toBe(visits.reduce((sum, v) => sum + v.opinions.length, 0))
  expect(await shown('casesRaised')).toBe(raised.length)
  expect([checkins.length, visits.length, raised.length]).toEqual([1, 1, 1])

  // A second run from 2 km away is refused, and nothing is stored.
  const far = await openAsDemoUser(browser, server.url, CADRE, at(TWO_KM_AWAY))
  await far.goto(`${server.url}/#/packages/cadre/pages/checkin/index`)
  await agreeToPrivacy(far)
  await nutButton(far, '在此签到').first().click()
  await far.getByText(/您距离联系点约 \d{4} 米，需在 300 米以内才能签到/).waitFor()
  await screenshot(far, '23-cadre-checkin-refused')
  expect(readCollection<Checkin>(dataDir, 'checkins').filter((c) => c.openid === 'demo-cadre-wang')).toHaveLength(1)
})
