// The policy screens end to end in headless Chromium (playwright-core):
// wang (supervisor) adds a policy whose window closes in 5 days through
// the dialog, sees it on the timeline and in the table marked closing
// (compared with the API), finds it on the dashboard's 政策窗口期临近
// panel, sets it to applying with a value through the update dialog and
// links a goal; zhang (staff) sees the page without write controls; the
// page fits a 390 px phone. Screenshots of each screen.
//   BASE_URL=http://127.0.0.1:8080 node tests/e2e/policies.mjs
// Needs the demo city (tests/e2e/run.sh) with LUOSHI_TODAY=2026-11-26.
// Env: BASE_URL, CHROMIUM, SCREENSHOTS (default build/screens).
// Prints "N passed, N failed" and exits 1 on any failure.
import { createRequire } from 'node:module'
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const require = createRequire(new URL('../../web/package.json', import.meta.url))
const { chromium } = require('playwright-core')

const BASE = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '')
const PASSWORD = process.env.LUOSHI_PASSWORD || 'demo12345'
const SHOTS = process.env.SCREENSHOTS || fileURLToPath(new URL('../../build/screens', import.meta.url))
mkdirSync(SHOTS, { recursive: true })
const t0 = Date.now()

let passed = 0
let failed = 0
let skipRest = false
async function check(name, fn) {
  if (skipRest) {
    failed++
    console.log(`FAIL - ${name}\n       skipped: an earlier step it depends on failed`)
    return
  }
  const t = Date.now()
  try {
    await fn()
    passed++
    console.log(`ok   - ${name} (${Date.now() - t} ms)`)
  } catch (e) {
    failed++
    console.log(`FAIL - ${name}\n       ${String(e && e.message ? e.message : e).split('\n').join('\n       ')}`)
  }
}
function assert(cond, msg) { if (!cond) throw new Error(msg) }
async function shot(page, name) { await page.screenshot({ path: `${SHOTS}/policies-${name}.png`, fullPage: true }) }
async function apiGet(ctx, path) {
  const r = await ctx.request.get(BASE + '/api/v1' + path)
  return { status: r.status(), data: await r.json() }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
})
const pageErrors = []
async function open(login, width = 1366) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height: 800 } })
  const page = await context.newPage()
  page.setDefaultTimeout(15000)
  page.on('pageerror', (e) => pageErrors.push(`${login}: ${e}`))
  return { context, page, login }
}
async function logIn(u) {
  await u.page.goto(BASE + '/')
  await u.page.waitForURL(/\/login/)
  await u.page.fill('#login-name', u.login)
  await u.page.fill('#login-password', PASSWORD)
  await u.page.click('[data-test=login-submit]')
  await u.page.waitForSelector('[data-test=board] tbody tr')
}
async function pick(page, scope, trigger, label) {
  await scope.locator(trigger).click()
  await page.getByRole('option', { name: label, exact: true }).click()
}
async function typeDate(scope, selector, day) {
  const input = scope.locator(selector)
  await input.fill(day)
  await input.press('Enter')
}

const wang = await open('wang')
const zhang = await open('zhang')
const TITLE = `e2e 专项资金 ${Date.now()}`
let policy = null

try {
  await check('wang and zhang log in; the nav has 政策窗口期', async () => {
    await Promise.all([logIn(wang), logIn(zhang)])
    for (const u of [wang, zhang]) {
      const nav = await u.page.locator('.app-nav').innerText()
      assert(nav.includes('政策窗口期'), `${u.login}: nav reads ${nav}`)
    }
  })
  if (failed) skipRest = true

  await check('wang adds a policy closing on 2026-12-01 through the dialog', async () => {
    const p = wang.page
    await p.click('[data-test=nav-policies]')
    await p.waitForSelector('[data-test=policy-table]')
    await p.click('[data-test=policy-add]')
    const dlg = p.locator('[data-test=policy-dialog]')
    await dlg.waitFor()
    await dlg.locator('#po-title').fill(TITLE)
    await dlg.locator('#po-issuer').fill('省财政厅')
    await pick(p, dlg, '[data-test=po-level]', '省级')
    await typeDate(dlg, '#po-issued', '2026-11-01')
    await typeDate(dlg, '#po-open', '2026-11-10')
    await typeDate(dlg, '#po-close', '2026-12-01')
    await pick(p, dlg, '[data-test=po-unit]', '道里区 HRB-DL')
    await shot(p, 'add-dialog')
    await dlg.locator('[data-test=po-submit]').click()
    await dlg.waitFor({ state: 'hidden' })
    const list = await apiGet(wang.context, '/policies?per_page=200')
    policy = list.data.find((x) => x.title === TITLE)
    assert(policy, 'the API lists the new policy')
    assert(policy.status === 'watching' && policy.closing === true && policy.days_left === 5,
      `status ${policy.status}, closing ${policy.closing}, days_left ${policy.days_left}`)
  })
  if (failed) skipRest = true

  await check('the timeline and the table mark it closing, 5 days left', async () => {
    const p = wang.page
    const row = p.locator(`[data-test=policy-timeline] .pol-row[data-id="${policy.id}"]`)
    await row.waitFor()
    assert(await row.getAttribute('data-alert') === 'closing', 'timeline row is closing')
    assert((await row.innerText()).includes('临近截止'), 'the word 临近截止 beside the bar')
    const tr = p.locator(`[data-test=policy-table] tr[data-id="${policy.id}"]`)
    assert((await tr.locator('[data-test=days]').innerText()) === '剩 5 天', 'days left')
    assert((await tr.locator('[data-test=closing]').innerText()) === '临近截止', 'closing in the table')
    await shot(p, 'page')
  })

  await check('the dashboard panel lists it', async () => {
    const p = wang.page
    await p.click('.brand')
    const item = p.locator(`[data-test=policies-closing] li[data-id="${policy.id}"]`)
    await item.waitFor()
    assert((await item.innerText()).includes('剩 5 天'), `panel reads ${await item.innerText()}`)
    await shot(p, 'dashboard')
  })

  await check('wang sets applying with a value and links goal 1', async () => {
    const p = wang.page
    await p.goto(BASE + '/policies?closing=true')
    const tr = p.locator(`[data-test=policy-table] tr[data-id="${policy.id}"]`)
    await tr.waitFor()
    await tr.locator('[data-test=policy-edit-btn]').click()
    const dlg = p.locator('[data-test=policy-edit]')
    await dlg.waitFor()
    await pick(p, dlg, '[data-test=pe-status]', '申报中')
    await dlg.locator('#pe-value').fill('申报 800 万元')
    await dlg.locator('[data-test=pe-save]').click()
    await dlg.waitFor({ state: 'hidden' })
    await tr.locator('[data-test=policy-edit-btn]').click()
    await dlg.waitFor()
    await dlg.locator('[data-test=pe-id] input').fill('1')
    await dlg.locator('[data-test=pe-link]').click()
    await dlg.waitFor({ state: 'hidden' })
    const got = await apiGet(wang.context, `/policies/${policy.id}`)
    assert(got.data.status === 'applying' && got.data.value === '申报 800 万元', `status ${got.data.status}, value ${got.data.value}`)
    assert(JSON.stringify(got.data.goals) === '[1]' && got.data.version === 3, `goals ${got.data.goals}, version ${got.data.version}`)
    await p.locator(`[data-test=policy-table] tr[data-id="${policy.id}"] a[href="/goals#goal-1"]`).waitFor()
  })

  await check('zhang (staff) reads without write controls', async () => {
    const p = zhang.page
    await p.goto(BASE + '/policies')
    await p.waitForSelector('[data-test=policy-table]')
    assert(await p.locator('[data-test=policy-add]').count() === 0, 'no add button')
    assert(await p.locator('[data-test=policy-edit-btn]').count() === 0, 'no update buttons')
  })

  await check('the page fits a 390 px phone', async () => {
    const u = await open('wang', 390)
    await logIn(u)
    await u.page.goto(BASE + '/policies')
    await u.page.waitForSelector('[data-test=policy-table]')
    const w = await u.page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
    assert(w[0] <= w[1], `the page is ${w[0]} px wide in a ${w[1]} px window`)
    await shot(u.page, 'phone')
  })

  await check('no uncaught page errors', async () => {
    assert(pageErrors.length === 0, pageErrors.join('\n'))
  })
} finally {
  await browser.close()
}

console.log(`policies took ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${SHOTS}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
