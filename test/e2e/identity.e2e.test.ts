import type { Browser, Page } from 'playwright-core'
import { H5_BUILD, expectAccessible, launchChromium, nutButton, requireH5Build, screenshot } from '../support/browser'
import { startServer, type RunningServer } from '../support/server-process'
import { tempDir } from '../support/temp-dir'

jest.setTimeout(180_000)

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  requireH5Build()
  server = await startServer({ DATA_DIR: tempDir(), STATIC_DIR: H5_BUILD })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/** A new browser profile: a first-time visitor with no identity of their own yet. */
async function freshVisitor(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })
  return context.newPage()
}

test('the admin issues a cadre invitation; a fresh user redeems it and 我的 shows the new role and unit', async () => {
  const admin = await freshVisitor()
  await admin.goto(`${server.url}/`)
  await nutButton(admin, '切换演示身份').click()
  await admin.getByText('系统管理员（管理员 · 示范管理区）').click()
  await admin.locator('.nut-overlay').first().waitFor({ state: 'hidden' })
  // The admin's home: the admin's pages first.
  await admin.locator('.admin-home').waitFor()
  await nutButton(admin, '邀请码管理').click()

  await admin.locator('.nut-radio', { hasText: '党员干部' }).click()
  await admin.locator('.invite__unit').click()
  await admin.getByText('西岭办事处（办事处）').click()
  await admin.locator('.mq-choice-sheet').waitFor({ state: 'hidden' })
  await nutButton(admin, '生成邀请码').click()
  const code = (await admin.locator('.invite__new-code').textContent())?.trim() ?? ''
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
  await admin
    .locator('.admin__row', { hasText: code })
    .getByText(/可使用/)
    .waitFor()
  await screenshot(admin, '7-admin-invitations')
  await expectAccessible(admin, 'admin invitations')

  const newcomer = await freshVisitor()
  await newcomer.goto(`${server.url}/#/pages/me/index`)
  await newcomer.getByText('身份：群众').waitFor()
  expect(await nutButton(newcomer, '邀请码管理').count()).toBe(0)
  await newcomer.locator('input[placeholder="例如 ABCD-EFGH-JKMN"]').fill(code.toLowerCase())
  // No official without a name: the code is not spent until the name is given.
  await nutButton(newcomer, '确认使用').click()
  await newcomer.getByText('请填写姓名').waitFor()
  await newcomer.getByText('身份：群众').waitFor()
  await newcomer.locator('input[placeholder="您的姓名（同事和群众会看到）"]').fill('孙立')
  await nutButton(newcomer, '确认使用').click()
  await newcomer.getByText('身份：党员干部').waitFor()
  await newcomer.getByText('所属组织：西岭办事处').waitFor()
  await newcomer.getByText('已成为党员干部（西岭办事处）').waitFor()
  await screenshot(newcomer, '8-me-after-redeem')
  await expectAccessible(newcomer, 'me')

  // The same code a second time, by someone else: refused.
  const latecomer = await freshVisitor()
  await latecomer.goto(`${server.url}/#/pages/me/index`)
  await latecomer.getByText('身份：群众').waitFor()
  await latecomer.locator('input[placeholder="例如 ABCD-EFGH-JKMN"]').fill(code)
  await latecomer.locator('input[placeholder="您的姓名（同事和群众会看到）"]').fill('钱多')
  await nutButton(latecomer, '确认使用').click()
  await latecomer.getByText('邀请码已被使用过，每个邀请码只能用一次').waitFor()
  await latecomer.getByText('身份：群众').waitFor()

  // The admin's list now shows it used.
  await admin.reload()
  await admin
    .locator('.admin__row', { hasText: code })
    .getByText(/已使用/)
    .waitFor()

  // 人员管理: the newcomer is there as a cadre of 西岭办事处; search finds 王强.
  await admin.goto(`${server.url}/#/packages/admin/pages/users/index`)
  await admin
    .getByText(/党员干部/)
    .first()
    .waitFor()
  await admin.locator('input[placeholder="按姓名搜索"]').fill('王')
  await nutButton(admin, '搜索').click()
  // The full list has 王强's row too, so seeing it proves nothing: wait until the answer has
  // replaced the list, which then holds his row alone.
  await admin.waitForFunction(() => {
    const rows = document.querySelectorAll('.admin__row')
    return rows.length === 1 && (rows[0]?.textContent ?? '').includes('王强 · 党员干部')
  })
  expect(await admin.locator('.admin__row').count()).toBe(1)
  await screenshot(admin, '10-admin-users')
  await expectAccessible(admin, 'admin users')

  // 组织管理: add a 小区 under 西岭社区, and it is offered to residents at once.
  await admin.goto(`${server.url}/#/packages/admin/pages/org/index`)
  await admin.getByText('西岭社区（社区）').click()
  await admin.locator('input[placeholder="名称"]').fill('新苑小区')
  await admin.locator('.nut-radio', { hasText: '小区' }).click()
  await nutButton(admin, '新增').click()
  await admin.getByText('新苑小区（小区）').waitFor()
  await screenshot(admin, '11-admin-org')
  await expectAccessible(admin, 'admin org')
  // The form is cleared for the next unit; the same name again under the same parent is refused,
  // beside the form, and a missing type is asked for as such.
  expect(await admin.locator('input[placeholder="名称"]').inputValue()).toBe('')
  await admin.locator('input[placeholder="名称"]').fill('新苑小区')
  await nutButton(admin, '新增').click()
  await admin.getByText('请选择组织类型').waitFor()
  await admin.locator('.nut-radio', { hasText: '小区' }).click()
  await nutButton(admin, '新增').click()
  await admin.getByText('同一上级组织下已有“新苑小区”，请换一个名称').waitFor()

  // 停用 asks first; 重新启用 undoes it.
  await admin.getByText('新苑小区（小区）').click()
  await nutButton(admin, /^停用$/).click()
  await admin.locator('.mq-confirm__yes', { hasText: '停用' }).waitFor()
  await expectAccessible(admin, 'deactivation question')
  await screenshot(admin, '11-admin-org-deactivate')
  await admin.locator('.mq-confirm__yes', { hasText: '停用' }).click()
  await admin.getByText('新苑小区（小区） · 已停用', { exact: false }).waitFor()
  await admin.getByText(/已停用“新苑小区”。如是误操作，点“重新启用”即可撤销。/).waitFor()
  await nutButton(admin, '重新启用').click()
  await admin.getByText('已重新启用“新苑小区”').waitFor()
  const areas = await fetch(`${server.url}/fn/orgs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-user': 'demo-resident-li' },
    body: JSON.stringify({ action: 'listAreas' }),
  })
  const names = ((await areas.json()) as { data: Array<{ name: string }> }).data.map((area) => area.name)
  expect(names).toContain('新苑小区')

  // 办理时限: the admin changes 急's completion limit; it is kept.
  await admin.goto(`${server.url}/#/packages/admin/pages/settings/index`)
  await admin.locator('.admin__row', { hasText: '急' }).locator('input').nth(1).fill('2')
  await nutButton(admin, '保存').click()
  await admin.getByText('已保存，之后派单的诉求按新时限计算').waitFor()
  await expectAccessible(admin, 'admin settings')
  const limits = await fetch(`${server.url}/fn/settings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-user': 'demo-supervisor-chen' },
    body: JSON.stringify({ action: 'getTimeLimits' }),
  })
  expect(
    ((await limits.json()) as { data: { limits: { urgent: { completeDays: number } } } }).data.limits.urgent
      .completeDays,
  ).toBe(2)
})

test('a resident does not get to the admin pages: no entry, and the page itself shows nothing but a refusal', async () => {
  const resident = await freshVisitor()
  await resident.goto(`${server.url}/#/pages/me/index`)
  await resident.getByText('身份：群众').waitFor()
  for (const entry of ['组织管理', '人员管理', '邀请码管理', '辖区诉求'])
    expect(await nutButton(resident, entry).count()).toBe(0)

  for (const path of ['invitations', 'users', 'org']) {
    await resident.goto(`${server.url}/#/packages/admin/pages/${path}/index`)
    await resident.getByText('您当前的身份（群众）不能使用这个页面。', { exact: false }).first().waitFor()
    expect(await resident.locator('.admin__row').count()).toBe(0)
    expect(await nutButton(resident, '生成邀请码').count()).toBe(0)
  }
  await screenshot(resident, '9-resident-refused')
})
