// Smoke test of the web UI in headless Chromium (playwright-core).
//   BASE_URL=http://127.0.0.1:8080 node tests/e2e/smoke.mjs      (or: cd web && npm run e2e)
// Env: BASE_URL (default http://127.0.0.1:8080), LUOSHI_LOGIN / LUOSHI_PASSWORD
// (default the demo's wang / demo12345), CHROMIUM (default /usr/bin/chromium),
// SCREENSHOTS (a directory for a PNG of each screen; default build/screens).
// Prints "N passed, N failed" and exits 1 on any failure.
import { createRequire } from 'node:module'
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const require = createRequire(new URL('../../web/package.json', import.meta.url))
const { chromium } = require('playwright-core')

const BASE = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '')
const LOGIN = process.env.LUOSHI_LOGIN || 'wang'
const PASSWORD = process.env.LUOSHI_PASSWORD || 'demo12345'
const SHOTS = process.env.SCREENSHOTS || fileURLToPath(new URL('../../build/screens', import.meta.url))
mkdirSync(SHOTS, { recursive: true })

let passed = 0
let failed = 0
async function check(name, fn) {
  try {
    await fn()
    passed++
    console.log(`ok   - ${name}`)
  } catch (e) {
    failed++
    console.log(`FAIL - ${name}\n       ${String(e && e.message ? e.message : e).split('\n').join('\n       ')}`)
  }
}
function assert(cond, msg) { if (!cond) throw new Error(msg) }
async function shot(page, name) { if (SHOTS) await page.screenshot({ path: `${SHOTS}/ui-${name}.png`, fullPage: true }) }

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
})
const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } })
const page = await context.newPage()
page.setDefaultTimeout(15000)
const consoleErrors = []
page.on('pageerror', (e) => consoleErrors.push(String(e)))

try {
  await check('logs in and lands on the dashboard', async () => {
    await page.goto(BASE + '/')
    await page.waitForURL(/\/login/)
    await page.fill('#login-name', LOGIN)
    await page.fill('#login-password', PASSWORD)
    await page.click('[data-test=login-submit]')
    await page.waitForSelector('[data-test=board] tbody tr')
    assert(!page.url().includes('/login'), 'still on the login page: ' + page.url())
    await page.waitForLoadState('networkidle')
    await shot(page, 'dashboard')
  })

  await check('the board has a row for HRB-DL with a red count label', async () => {
    const row = page.locator('[data-test=board] tr[data-unit="HRB-DL"]')
    assert((await row.count()) === 1, 'no board row for HRB-DL')
    const red = row.locator('a.count-link[data-light=red]')
    assert((await red.count()) === 1, 'HRB-DL has no red count link')
    const text = (await red.innerText()).replace(/\s+/g, ' ').trim()
    assert(/^(红灯|Red) \d+$/.test(text), `red count label reads "${text}"`)
    const href = await red.getAttribute('href')
    assert(/unit=HRB-DL/.test(href) && /light=red/.test(href), 'red count links to ' + href)
  })

  await check('the task list filtered by light=red shows only red rows', async () => {
    await page.goto(BASE + '/tasks?light=red')
    await page.waitForSelector('[data-test=task-table] tbody tr[data-id]')
    await page.waitForLoadState('networkidle')
    const badges = page.locator('[data-test=task-table] tbody tr[data-id] .light-badge')
    const n = await badges.count()
    assert(n > 0, 'no rows')
    for (let i = 0; i < n; i++) {
      const b = badges.nth(i)
      const light = await b.getAttribute('data-light')
      const label = (await b.innerText()).trim()
      assert(light === 'red' && /^(红灯|Red)$/.test(label), `row ${i + 1}: light ${light}, label "${label}"`)
    }
    await shot(page, 'tasks')
  })

  await check('a task page renders its timeline', async () => {
    await page.locator('[data-test=task-table] tbody tr[data-id] a').first().click()
    await page.waitForURL(/\/tasks\/\d+$/)
    await page.waitForSelector('[data-test=timeline] .tl-entry')
    const n = await page.locator('[data-test=timeline] .tl-entry').count()
    assert(n > 0, 'empty timeline')
    assert((await page.locator('[data-test=fields] dt').count()) >= 15, 'task fields missing')
    await page.waitForLoadState('networkidle')
    await shot(page, 'task')
  })

  await check('switching to English changes the labels', async () => {
    const heading = page.locator('#timeline-title')
    const before = await heading.innerText()
    assert(before.startsWith('办理过程'), `Chinese heading expected first, got "${before}"`)
    await page.click('[data-test=lang-switch]')
    await page.waitForFunction(() => document.querySelector('#timeline-title')?.textContent.startsWith('Timeline'))
    const nav = await page.locator('.app-nav').innerText()
    assert(/Dashboard/.test(nav) && /Tasks/.test(nav), 'nav not in English: ' + nav)
    // back to Chinese, so the choice saved in localStorage does not leak into later runs
    await page.click('[data-test=lang-switch]')
  })

  if (SHOTS) {
    await check('goal tree renders with charts', async () => {
      await page.goto(BASE + '/goals')
      await page.waitForSelector('[data-test=goal-tree] .goal-card')
      await page.locator('.indicators summary').first().click()
      await page.waitForSelector('.trajectory canvas')
      await page.waitForTimeout(300)
      await shot(page, 'goals')
    })
  }

  await check('on a phone (390x844) no screen scrolls sideways', async () => {
    const phone = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    const p = await phone.newPage()
    p.setDefaultTimeout(15000)
    p.on('pageerror', (e) => consoleErrors.push('phone: ' + e))
    try {
      await p.goto(BASE + '/login')
      await p.fill('#login-name', LOGIN)
      await p.fill('#login-password', PASSWORD)
      await p.click('[data-test=login-submit]')
      await p.waitForSelector('[data-test=board] tbody tr')
      for (const [path, ready, name] of [['/', '[data-test=board] tbody tr', 'phone-dashboard'],
        ['/tasks?light=red', '[data-test=task-table] tbody tr[data-id]', 'phone-tasks'],
        ['/goals', '[data-test=goal-tree] .goal-card', 'phone-goals'],
        ['/eval?period=2026&group=district', '[data-test=eval-table] tbody tr[data-unit]', 'phone-eval'],
        ['/units/HRB-DL', '[data-test=unit-burden] tbody tr', 'phone-unit']]) {
        await p.goto(BASE + path)
        await p.waitForSelector(ready)
        await p.waitForLoadState('networkidle')
        const [sw, w] = await p.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
        assert(sw <= w, `${path}: page is ${sw} px wide in a ${w} px screen`)
        await shot(p, name)
      }
    } finally {
      await phone.close()
    }
  })

  await check('the login form works from the keyboard, with a visible focus', async () => {
    const kb = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } })
    const p = await kb.newPage()
    p.setDefaultTimeout(15000)
    try {
      await p.goto(BASE + '/login')
      await p.waitForSelector('#login-name')
      await p.focus('#login-name')
      await p.keyboard.type(LOGIN)
      await p.keyboard.press('Tab')
      const id = await p.evaluate(() => document.activeElement.id)
      assert(id === 'login-password', `Tab from the login name focuses "${id}"`)
      await p.keyboard.type(PASSWORD)
      await p.keyboard.press('Tab')
      const focus = await p.evaluate(() => {
        const el = document.activeElement
        const cs = getComputedStyle(el)
        return { test: el.getAttribute('data-test'), outline: cs.outlineStyle, width: parseFloat(cs.outlineWidth), shadow: cs.boxShadow }
      })
      assert(focus.test === 'login-submit', `Tab from the password focuses ${JSON.stringify(focus)}`)
      assert((focus.outline !== 'none' && focus.width > 0) || focus.shadow !== 'none',
        'the focused button shows no outline or ring: ' + JSON.stringify(focus))
      await p.keyboard.press('Enter')
      await p.waitForSelector('[data-test=board] tbody tr')
    } finally {
      await kb.close()
    }
  })

  await check('no uncaught page errors', async () => {
    assert(consoleErrors.length === 0, consoleErrors.join('\n'))
  })
} finally {
  await browser.close()
}

console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
