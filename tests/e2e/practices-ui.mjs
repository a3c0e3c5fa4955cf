// The practice library end to end in headless Chromium (playwright-core):
// wang (supervisor) turns a commendation of the merits tab into a practice
// in one click, lands on its drawer, promotes it with a note and sees the
// badge; searches by 3 characters of its title (index) and by 2 (scan),
// both listing it as GET /api/v1/practices does, and an absent word lists
// nothing; adds a practice through the dialog. zhang (staff) reads the
// library but gets no add, promote or "turn into a practice" control.
// Screenshots of each screen (build/screens/practices-*.png).
//   BASE_URL=http://127.0.0.1:8080 node tests/e2e/practices-ui.mjs
// Needs the demo city of tests/e2e/run.sh. Prints "N passed, N failed".
import { createRequire } from 'node:module'
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const require = createRequire(new URL('../../web/package.json', import.meta.url))
const { chromium } = require('playwright-core')

const BASE = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '')
const PASSWORD = process.env.LUOSHI_PASSWORD || 'demo12345'
const SHOTS = process.env.SCREENSHOTS || fileURLToPath(new URL('../../build/screens', import.meta.url))
mkdirSync(SHOTS, { recursive: true })

let passed = 0
let failed = 0
let skipRest = false
async function check(name, fn) {
  if (skipRest) {
    failed++
    console.log(`FAIL - ${name}\n       skipped: an earlier step it depends on failed`)
    return
  }
  try {
    await fn()
    passed++
    console.log(`ok   - ${name}`)
  } catch (e) {
    failed++
    skipRest = true
    console.log(`FAIL - ${name}\n       ${String(e && e.message ? e.message : e).split('\n').join('\n       ')}`)
  }
}
function assert(cond, msg) { if (!cond) throw new Error(msg) }
async function shot(page, name) { await page.screenshot({ path: `${SHOTS}/practices-${name}.png`, fullPage: true }) }
async function apiGet(u, path) {
  const r = await u.context.request.get(BASE + '/api/v1' + path)
  return { status: r.status(), data: await r.json() }
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
})
const pageErrors = []
async function open(login) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } })
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
// The ids of the practice table's rows once the list has loaded.
async function listed(page) {
  await page.waitForLoadState('networkidle')
  return page.locator('[data-test=practice-table] tbody tr[data-id]').evaluateAll((rs) => rs.map((r) => Number(r.dataset.id)))
}
async function search(page, text) {
  await page.fill('#pr-search', text)
  // the list must be the answer to this search, not the one before it
  const answered = page.waitForResponse((r) => r.url().includes('/api/v1/practices?') &&
    new URL(r.url()).searchParams.get('search') === text)
  await page.click('[data-test=f-apply]')
  await page.waitForURL((u) => new URL(u).searchParams.get('search') === text)
  await answered
  await page.waitForLoadState('networkidle')
  return listed(page)
}

const wang = await open('wang')
const zhang = await open('zhang')
let practice = null

try {
  await check('wang and zhang log in; both have the 经验库 menu entry', async () => {
    await Promise.all([logIn(wang), logIn(zhang)])
    for (const u of [wang, zhang]) {
      const nav = await u.page.locator('.app-nav').innerText()
      assert(nav.includes('经验库'), `${u.login}: nav reads ${nav}`)
    }
  })

  await check('wang turns a commendation into a practice in one click', async () => {
    const p = wang.page
    await p.goto(BASE + '/inspections/merits')
    await p.waitForSelector('[data-test=merit-table] tbody tr[data-id]')
    const row = p.locator('[data-test=merit-table] tbody tr[data-id]').first()
    const merit = Number(await row.getAttribute('data-id'))
    await shot(p, 'merits')
    await row.locator('[data-test=to-practice]').click()
    await p.waitForURL(/\/practices\?open=\d+/)
    const id = Number(new URL(p.url()).searchParams.get('open'))
    const drawer = p.locator('[data-test=practice-drawer]')
    await drawer.locator('[data-test=practice-body]').waitFor()
    practice = (await apiGet(wang, `/practices/${id}`)).data
    assert(practice.merit_id === merit, `practice ${id} links merit ${practice.merit_id}, not ${merit}`)
    assert((await drawer.innerText()).includes(practice.title), 'the drawer shows the title')
    await shot(p, 'drawer')
  })

  await check('wang promotes it with a note; the badge shows in the drawer and the list', async () => {
    const p = wang.page
    const drawer = p.locator('[data-test=practice-drawer]')
    await drawer.locator('#pr-note').fill('纳入全市督查工作制度')
    await drawer.locator('[data-test=promote]').click()
    await drawer.getByText('已上升为制度机制').first().waitFor()
    const got = (await apiGet(wang, `/practices/${practice.id}`)).data
    assert(got.promoted && got.promoted_by === 'wang' && got.promoted_note === '纳入全市督查工作制度',
      `after promote: ${JSON.stringify(got)}`)
    await p.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })
    await p.waitForSelector(`[data-test=practice-table] tr[data-id="${practice.id}"] [data-test=promoted-badge]`)
    await shot(p, 'list')
  })

  await check('search: 3 characters (index) and 2 (scan) of its title list it as the API does', async () => {
    const p = wang.page
    const chars = Array.from(practice.title)
    for (const [n, mode] of [[3, '全文索引'], [2, '逐条匹配']]) {
      const text = chars.slice(0, n).join('')
      const api = (await apiGet(wang, '/practices?per_page=200&search=' + encodeURIComponent(text))).data.map((x) => x.id)
      let ids = await search(p, text)
      // the table may still show the previous answer for a moment
      for (let k = 0; k < 25 && (!ids.includes(practice.id) || JSON.stringify(ids) !== JSON.stringify(api.slice(0, ids.length))); k++) {
        await p.waitForTimeout(200)
        ids = await listed(p)
      }
      assert(ids.includes(practice.id), `search '${text}' lists ${ids}`)
      assert(JSON.stringify(ids) === JSON.stringify(api.slice(0, ids.length)), `search '${text}': UI ${ids}, API ${api}`)
      assert((await p.locator('[data-test=search-mode]').innerText()).includes(mode), `search '${text}': mode hint`)
    }
    await shot(p, 'search')
    const none = await search(p, '不存在的词语')
    assert(none.length === 0, `an absent word lists ${none}`)
  })

  await check('wang adds a practice through the dialog', async () => {
    const p = wang.page
    await p.goto(BASE + '/practices')
    await p.click('[data-test=new-practice]')
    const dlg = p.locator('[data-test=practice-dialog]')
    await dlg.waitFor()
    await dlg.locator('#pr-title').fill('e2e 河长制巡河经验')
    await dlg.locator('[data-test=pr-unit]').click()
    await p.getByRole('option').first().click()
    await dlg.locator('#pr-body').fill('每周巡河一次，问题当日交办。')
    await dlg.locator('#pr-tags').fill('生态、河湖')
    await shot(p, 'dialog')
    await dlg.locator('[data-test=pr-save]').click()
    await dlg.waitFor({ state: 'hidden' })
    // the new practice opens in the drawer
    const drawer = p.locator('[data-test=practice-drawer]')
    await drawer.getByText('每周巡河一次').waitFor()
    await p.keyboard.press('Escape')
    await drawer.waitFor({ state: 'hidden' })
    const ids = await search(p, '巡河经验')
    assert(ids.length === 1, `the new practice is found once: ${ids}`)
    const got = (await apiGet(wang, `/practices/${ids[0]}`)).data
    assert(got.tags.join(',') === '生态,河湖', `tags ${got.tags}`)
  })

  await check('zhang (staff) reads the library without write controls', async () => {
    const p = zhang.page
    await p.goto(BASE + `/practices?open=${practice.id}`)
    await p.locator('[data-test=practice-drawer] [data-test=practice-body]').waitFor()
    assert(await p.locator('[data-test=new-practice]').count() === 0, 'an add button for staff')
    assert(await p.locator('[data-test=promote]').count() === 0, 'a promote button for staff')
    await p.goto(BASE + '/inspections/merits')
    await p.waitForLoadState('networkidle')
    assert(await p.locator('[data-test=to-practice]').count() === 0, 'a "turn into a practice" button for staff')
  })

  await check('no uncaught page errors', async () => {
    assert(pageErrors.length === 0, pageErrors.join('\n'))
  })
} finally {
  await browser.close()
}

console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
