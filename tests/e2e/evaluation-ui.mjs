// The evaluation screens end to end in headless Chromium (playwright-core):
// wang (supervisor) adds an inspection with a rectification item through the
// dialog and finds it in the list and on its page (compared with the API),
// meets the monthly inspection cap (Warning header, then 409 and the
// over-cap reason), adds a commendation and an accountability record, rates
// cadres and sees the grade table equal GET /api/v1/cadre/grades; zhang
// (staff) sees only their own row and no paper-ballot or per-row rating
// control; the screens fit a 390 px phone. Screenshots of each screen.
//   BASE_URL=http://127.0.0.1:8080 node tests/e2e/evaluation-ui.mjs
// Needs a freshly seeded demo city (tests/e2e/run.sh does that) with
// LUOSHI_TODAY=2026-11-26. Env: BASE_URL, CHROMIUM (default /usr/bin/chromium),
// SCREENSHOTS (directory for a PNG of each screen; default build/screens).
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
const PERIOD = '2026-Q4'

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
async function shot(page, name) { await page.screenshot({ path: `${SHOTS}/evaluation-${name}.png`, fullPage: true }) }

// The API as the page's user (same cookie jar as the browser context).
async function apiGet(ctx, path) {
  const r = await ctx.request.get(BASE + '/api/v1' + path)
  let data = null
  try { data = await r.json() } catch { /* not JSON */ }
  return { status: r.status(), data, headers: r.headers() }
}
async function apiPost(u, path, body) {
  const csrf = await u.page.evaluate(() => sessionStorage.getItem('luoshi.csrf'))
  const r = await u.context.request.post(BASE + '/api/v1' + path, { data: body, headers: { 'X-CSRF-Token': csrf } })
  return { status: r.status(), data: await r.json(), headers: r.headers() }
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
  const me = await apiGet(u.context, '/me')
  assert(me.status === 200 && me.data.login === u.login, `${u.login}: /me answers ${me.status}`)
}
// Element Plus widgets: a select's option by its exact label, a date typed in.
async function pick(page, scope, trigger, label) {
  await scope.locator(trigger).click()
  await page.getByRole('option', { name: label, exact: true }).click()
}
async function typeDate(scope, selector, day) {
  const input = scope.locator(selector)
  await input.fill(day)
  await input.press('Enter')
}
// The rows of a table as the texts of the cells marked data-test=<col>.
async function cells(page, table, col) {
  return page.locator(`[data-test=${table}] tbody tr[data-login] [data-test=${col}]`).allInnerTexts()
}
async function noSideways(page, what) {
  const w = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
  assert(w[0] <= w[1], `${what}: the page is ${w[0]} px wide in a ${w[1]} px window`)
}

const wang = await open('wang')
const zhang = await open('zhang')
const FINDINGS = `e2e 台账不全 ${Date.now()}`
const ITEM = `e2e 补齐台账 ${Date.now()}`
let inspection = null // as the API answers it

try {
  await check('wang (supervisor) and zhang (staff) log in; both see the two new menu entries', async () => {
    await Promise.all([logIn(wang), logIn(zhang)])
    for (const u of [wang, zhang]) {
      const nav = await u.page.locator('.app-nav').innerText()
      assert(nav.includes('检查与奖惩') && nav.includes('干部考核'), `${u.login}: nav reads ${nav}`)
    }
  })
  if (failed) skipRest = true

  await check('wang adds an inspection of HRB-DL with a rectification item through the dialog', async () => {
    const p = wang.page
    await p.click('[data-test=nav-inspections]')
    await p.waitForSelector('[data-test=inspection-table]')
    await p.click('[data-test=new-inspection]')
    const dlg = p.locator('[data-test=inspection-dialog]')
    await dlg.waitFor()
    await pick(p, dlg, '[data-test=in-unit]', '道里区 HRB-DL')
    await typeDate(dlg, '#in-on', '2026-11-20')
    await dlg.locator('#in-score').fill('86.5')
    await dlg.locator('#in-inspectors').fill('王督查、赵科长')
    await dlg.locator('#in-findings').fill(FINDINGS)
    await dlg.locator('[data-test=in-add-item]').click()
    await dlg.locator('input[data-test=in-item-title]').fill(ITEM)
    await typeDate(dlg, '[data-item="0"] input[role=combobox]', '2026-12-15')
    await shot(p, 'inspection-dialog')
    await dlg.locator('[data-test=in-submit]').click()
    await dlg.waitFor({ state: 'hidden' })
    const notice = p.locator('[data-test=inspection-notice]')
    await notice.waitFor()
    assert((await p.locator('[data-test=cap-warning]').count()) === 0, 'a cap warning for the first inspection')
    const r = await apiGet(wang.context, '/inspections?unit=HRB-DL&per_page=200')
    const mine = r.data.filter((x) => x.findings === FINDINGS)
    assert(mine.length === 1, `API has ${mine.length} inspections with the findings`)
    inspection = (await apiGet(wang.context, `/inspections/${mine[0].id}`)).data
    assert(inspection.unit === 'HRB-DL' && inspection.on === '2026-11-20' && inspection.score === 86.5 &&
      inspection.inspectors === '王督查、赵科长', 'API holds ' + JSON.stringify(inspection))
    assert(inspection.rectifications.length === 1 && inspection.rectifications[0].title === ITEM &&
      inspection.rectifications[0].due === '2026-12-15', 'rectifications ' + JSON.stringify(inspection.rectifications))
    assert((await notice.innerText()).includes(`#${inspection.id}`), 'the notice does not name #' + inspection.id)
  })
  if (!inspection) skipRest = true

  await check('the list (filtered by HRB-DL and 2026-11) shows it as the API does', async () => {
    const p = wang.page
    await p.goto(`${BASE}/inspections?unit=HRB-DL&period=2026-11`)
    const row = p.locator(`[data-test=inspection-table] tr[data-id="${inspection.id}"]`)
    await row.waitFor()
    const api = await apiGet(wang.context, '/inspections?unit=HRB-DL&period=2026-11')
    const shown = await p.locator('[data-test=inspection-table] tbody tr[data-id]').evaluateAll((rs) => rs.map((r) => r.dataset.id))
    assert(JSON.stringify(shown) === JSON.stringify(api.data.map((x) => String(x.id))), `rows ${shown} vs API ${api.data.map((x) => x.id)}`)
    assert((await p.locator('[data-test=total]').innerText()).includes(api.headers['x-total-count']), 'total differs')
    assert((await row.locator('[data-test=score]').innerText()) === '86.5', 'score cell')
    assert((await row.innerText()).includes('2026-11-20'), 'date missing')
    await p.waitForLoadState('networkidle')
    await shot(p, 'inspections')
  })

  await check("its page lists the rectification task with its light, status, due and 'pending', linking to the task", async () => {
    const p = wang.page
    await p.click(`[data-test=inspection-table] tr[data-id="${inspection.id}"] a`)
    await p.waitForSelector('[data-test=rectification-table]')
    const rect = inspection.rectifications[0]
    const row = p.locator(`[data-test=rectification-table] tr[data-id="${rect.id}"]`)
    assert((await row.locator('.light-badge').getAttribute('data-light')) === rect.light, 'light differs from the API ' + rect.light)
    const txt = await row.innerText()
    assert(txt.includes(ITEM) && txt.includes('2026-12-15') && txt.includes('待签收') && txt.includes('未办结'), 'row reads ' + txt)
    assert((await row.locator('[data-on-time]').getAttribute('data-on-time')) === 'pending', 'on-time state')
    assert((await p.locator('[data-test=inspection-score]').innerText()) === '86.5', 'score')
    await shot(p, 'inspection')
    await row.locator('a').click()
    await p.waitForURL(new RegExp(`/tasks/${rect.id}$`))
    await p.waitForSelector('[data-test=timeline]')
    assert((await p.locator('h1.page-title').innerText()).includes(ITEM), 'task page heading')
    const task = (await apiGet(wang.context, `/tasks/${rect.id}`)).data
    assert(task.lead === 'HRB-DL' && task.source === `整改 inspection #${inspection.id}`, 'task ' + JSON.stringify(task))
  })

  await check('the inspection that reaches the cap shows the Warning text; one beyond asks for the over-cap reason (409)', async () => {
    // HRB-NG in 2026-10: three inspections through the API, the 4th and 5th through the dialog
    for (let i = 0; i < 3; i++) {
      const r = await apiPost(wang, '/inspections', { unit: 'HRB-NG', on: '2026-10-1' + i, score: 80 })
      assert(r.status === 201 && !r.headers.warning, `inspection ${i + 1}: ${r.status} ${r.headers.warning || ''}`)
    }
    const p = wang.page
    const add = async (day) => {
      await p.click('[data-test=new-inspection]')
      const dlg = p.locator('[data-test=inspection-dialog]')
      await dlg.waitFor()
      await pick(p, dlg, '[data-test=in-unit]', '南岗区 HRB-NG')
      await typeDate(dlg, '#in-on', day)
      await dlg.locator('#in-score').fill('75')
      await dlg.locator('[data-test=in-submit]').click()
      return dlg
    }
    await p.goto(`${BASE}/inspections`)
    await p.waitForSelector('[data-test=inspection-table]')
    const d4 = await add('2026-10-20')
    await d4.waitFor({ state: 'hidden' })
    const warn = await p.locator('[data-test=cap-warning]').innerText()
    assert(warn.includes("inspection 4 of 4 for unit 'HRB-NG' in 2026-10 reaches inspection_cap"), 'warning reads ' + warn)
    await shot(p, 'inspection-cap-warning')
    const d5 = await add('2026-10-21')
    const err = d5.locator('[data-test=form-error]')
    await err.waitFor()
    assert((await err.innerText()).includes('already has 4 inspections in 2026-10'), 'error reads ' + (await err.innerText()))
    await d5.locator('#in-overcap').fill('群众投诉专项检查')
    await shot(p, 'inspection-over-cap')
    await d5.locator('[data-test=in-submit]').click()
    await d5.waitFor({ state: 'hidden' })
    const w5 = await p.locator('[data-test=cap-warning]').innerText()
    assert(w5.includes('exceeds inspection_cap 4'), 'warning reads ' + w5)
    const api = await apiGet(wang.context, '/inspections?unit=HRB-NG&period=2026-10')
    assert(api.data.length === 5 && api.data[4].over_cap === '群众投诉专项检查', 'API: ' + JSON.stringify(api.data.map((x) => x.over_cap)))
  })

  skipRest = false // the merits and the cadres do not need the inspection

  await check('wang commends HRB-DL and holds zhang to account; each list equals the API', async () => {
    const p = wang.page
    await p.click('[data-test=tab-merits]')
    await p.waitForSelector('[data-test=merit-table]')
    const add = async (kind, target, who, points, reason) => {
      await p.click('[data-test=new-merit]')
      const dlg = p.locator('[data-test=merit-dialog]')
      await dlg.waitFor()
      await dlg.locator('[data-test=mr-kind]').getByText(kind === 'commend' ? '表彰' : '问责', { exact: true }).click()
      await dlg.locator('[data-test=mr-target]').getByText(target === 'unit' ? '单位' : '个人', { exact: true }).click()
      await pick(p, dlg, target === 'unit' ? '[data-test=mr-unit]' : '[data-test=mr-person]', who)
      await typeDate(dlg, '#mr-on', '2026-11-24')
      await dlg.locator('#mr-points').fill(String(points))
      await dlg.locator('#mr-reason').fill(reason)
      await dlg.locator('[data-test=mr-submit]').click()
      await dlg.waitFor({ state: 'hidden' })
    }
    await add('commend', 'unit', '道里区 HRB-DL', 2, 'e2e 表彰：整改迅速')
    await p.locator('[data-test=merit-table] tbody tr[data-id]', { hasText: 'e2e 表彰：整改迅速' }).waitFor()
    const c = await apiGet(wang.context, '/commendations?per_page=200')
    const cm = c.data.find((x) => x.reason === 'e2e 表彰：整改迅速')
    assert(cm && cm.unit === 'HRB-DL' && cm.person === null && cm.points === 2 && cm.on === '2026-11-24', 'API ' + JSON.stringify(cm))
    const cshown = await p.locator('[data-test=merit-table] tbody tr[data-id]').evaluateAll((rs) => rs.map((r) => r.dataset.id))
    assert(JSON.stringify(cshown) === JSON.stringify(c.data.slice(0, 25).map((x) => String(x.id))), `commendations ${cshown} vs API`)
    assert((await p.locator(`[data-test=merit-table] tr[data-id="${cm.id}"]`).innerText()).includes('+2'), 'points shown')
    await shot(p, 'commendations')
    await add('account', 'person', '张伟 (zhang) HRB-DL', 1.5, 'e2e 问责：报送迟缓')
    await p.waitForURL(/kind=account/)
    const row = p.locator('[data-test=merit-table] tbody tr[data-id]', { hasText: 'e2e 问责：报送迟缓' })
    await row.waitFor()
    const a = await apiGet(wang.context, '/accountabilities?per_page=200')
    const am = a.data.find((x) => x.reason === 'e2e 问责：报送迟缓')
    assert(am && am.person === 'zhang' && am.unit === 'HRB-DL' && am.points === 1.5, 'API ' + JSON.stringify(am))
    const txt = await row.innerText()
    assert(txt.includes('zhang') && txt.includes('−1.5'), 'row reads ' + txt)
    await shot(p, 'accountability')
  })

  await check('a bad commendation is refused with the API message naming the field, and nothing changes', async () => {
    const p = wang.page
    const before = (await apiGet(wang.context, '/commendations')).headers['x-total-count']
    await p.click('[data-test=new-merit]')
    const dlg = p.locator('[data-test=merit-dialog]')
    await dlg.waitFor()
    await dlg.locator('[data-test=mr-kind]').getByText('表彰', { exact: true }).click()
    await dlg.locator('[data-test=mr-target]').getByText('个人', { exact: true }).click()
    await dlg.locator('[data-test=mr-person] input').fill('nobody-e2e')
    await dlg.locator('[data-test=mr-person] input').press('Enter')
    await dlg.locator('#mr-points').fill('3')
    await dlg.locator('#mr-reason').fill('x')
    await dlg.locator('[data-test=mr-submit]').click()
    const err = dlg.locator('[data-test=form-error]')
    await err.waitFor()
    assert((await err.innerText()).includes('nobody-e2e'), 'error reads ' + (await err.innerText()))
    await dlg.getByRole('button', { name: '取消' }).click()
    assert((await apiGet(wang.context, '/commendations')).headers['x-total-count'] === before, 'a commendation was added')
  })

  skipRest = false
  let grades = null
  await check('wang rates li (superior) and zhang (peer) through the dialog; the grade table equals GET /cadre/grades', async () => {
    const p = wang.page
    await p.click('[data-test=nav-cadres]')
    await p.waitForSelector('[data-test=grade-table]')
    const rate = async (label, type, dims) => {
      await p.click('[data-test=rate]')
      const dlg = p.locator('[data-test=rate-dialog]')
      await dlg.waitFor()
      await pick(p, dlg, '[data-test=rt-login]', label)
      await dlg.locator(`[data-test=rt-type] [data-type=${type}]`).click()
      const names = ['political', 'competence', 'responsibility', 'struggle', 'conduct']
      for (let i = 0; i < 5; i++) await dlg.locator(`#rt-${names[i]}`).fill(String(dims[i]))
      await shot(p, 'rate-dialog')
      await dlg.locator('[data-test=rt-submit]').click()
      await dlg.waitFor({ state: 'hidden' })
    }
    await rate('李强 (li) HRB-DL', 'superior', [90, 85, 88, 80, 92])
    await p.locator('[data-test=grade-table] tr[data-login=li]').waitFor()
    await rate('张伟 (zhang) HRB-DL', 'peer', [70, 75, 72, 68, 74])
    await p.locator('[data-test=grade-table] tr[data-login=zhang]').waitFor()
    const r = await apiGet(wang.context, `/cadre/grades?period=${PERIOD}`)
    grades = r.data
    const li = grades.find((x) => x.login === 'li')
    // (20×90 + 25×85 + 20×88 + 15×80 + 20×92) / 100 = (1800+2125+1760+1200+1840)/100 = 87.25
    assert(li && li.rating === 87.25, 'li in API: ' + JSON.stringify(li))
    await p.waitForLoadState('networkidle')
    const logins = await p.locator('[data-test=grade-table] tbody tr[data-login]').evaluateAll((rs) => rs.map((x) => x.dataset.login))
    assert(JSON.stringify(logins) === JSON.stringify(grades.map((x) => x.login)), `rows ${logins} vs API ${grades.map((x) => x.login)}`)
    const scores = await cells(p, 'grade-table', 'score')
    assert(JSON.stringify(scores) === JSON.stringify(grades.map((x) => String(x.score))), `scores ${scores} vs API`)
    const shownGrades = await p.locator('[data-test=grade-table] tbody tr[data-login] .grade-badge').evaluateAll((bs) => bs.map((b) => b.dataset.grade))
    assert(JSON.stringify(shownGrades) === JSON.stringify(grades.map((x) => x.grade)), `grades ${shownGrades} vs API`)
    const label = await p.locator('[data-test=grade-table] tr[data-login=li] .grade-badge').innerText()
    assert(label === { excellent: '优秀', competent: '称职', basic: '基本称职', incompetent: '不称职' }[li.grade], 'grade label ' + label)
    const perf = await cells(p, 'grade-table', 'performance')
    assert(JSON.stringify(perf) === JSON.stringify(grades.map((x) => (x.performance === null ? '—' : String(x.performance)))), 'performance ' + perf)
    // my ballots: the two just cast
    const mine = (await apiGet(wang.context, `/cadre/ratings?period=${PERIOD}`)).data
    const shown = await p.locator('[data-test=ballot-table] tbody tr').evaluateAll((rs) => rs.map((x) => x.dataset.login))
    assert(JSON.stringify(shown) === JSON.stringify(mine.map((x) => x.login)) && shown.includes('li'), `ballots ${shown} vs API`)
    await shot(p, 'cadres')
  })
  if (!grades) skipRest = true

  await check("li's drawer shows the inputs per rater type as GET /cadre/li does", async () => {
    const p = wang.page
    await p.click('[data-test=grade-table] tr[data-login=li] [data-test=details]')
    const d = p.locator('[data-test=cadre-drawer]')
    await d.locator('[data-test=raters-table]').waitFor()
    const api = (await apiGet(wang.context, `/cadre/li?period=${PERIOD}`)).data
    assert((await d.locator('[data-test=d-score]').innerText()) === String(api.score), 'score')
    assert((await d.locator('[data-test=d-basis]').getAttribute('data-basis')) === api.basis, 'basis')
    const n = await d.locator('[data-test=raters-n]').allInnerTexts()
    assert(JSON.stringify(n) === JSON.stringify(api.raters.map((r) => String(r.raters))), `raters ${n}`)
    const means = await d.locator('[data-test=raters-mean]').allInnerTexts()
    assert(JSON.stringify(means) === JSON.stringify(api.raters.map((r) => (r.mean === null ? '—' : String(r.mean)))), `means ${means}`)
    // the drawer slides in: shoot it when it has arrived
    await p.waitForFunction(() => {
      const el = document.querySelector('.el-drawer')
      return el && Math.abs(el.getBoundingClientRect().right - window.innerWidth) < 1
    })
    const tasks = await d.locator('[data-test=cadre-tasks] li').evaluateAll((ls) => ls.map((l) => l.dataset.id))
    assert(JSON.stringify(tasks) === JSON.stringify(api.tasks.map((x) => String(x.id))), `tasks ${tasks}`)
    await shot(p, 'cadre-drawer')
    await p.keyboard.press('Escape')
    await d.waitFor({ state: 'hidden' })
  })

  await check("wang enters chen's paper ballot on zhang with a veto: zhang's row turns 不称职 with the reason, as the API", async () => {
    const p = wang.page
    await p.click('[data-test=grade-table] tr[data-login=zhang] [data-test=rate-row]')
    const dlg = p.locator('[data-test=rate-dialog]')
    await dlg.waitFor()
    await dlg.locator('[data-test=rt-type] [data-type=superior]').click()
    for (const d of ['political', 'competence', 'responsibility', 'struggle', 'conduct']) await dlg.locator(`#rt-${d}`).fill('95')
    await dlg.locator('#rt-veto').fill('e2e 廉洁问题')
    await pick(p, dlg, '[data-test=rt-rater]', '陈志远 (chen)')
    await dlg.locator('[data-test=rt-submit]').click()
    await dlg.waitFor({ state: 'hidden' })
    const row = p.locator('[data-test=grade-table] tr[data-login=zhang]')
    await row.locator('.grade-badge[data-grade=incompetent]').waitFor()
    const api = (await apiGet(wang.context, `/cadre/grades?period=${PERIOD}`)).data.find((x) => x.login === 'zhang')
    assert(api.grade === 'incompetent' && api.veto === 'e2e 廉洁问题', 'API: ' + JSON.stringify(api))
    assert((await row.locator('.grade-badge').innerText()) === '不称职', 'grade label')
    assert((await row.locator('[data-test=veto]').innerText()) === 'e2e 廉洁问题', 'veto cell')
    assert((await row.locator('[data-test=score]').innerText()) === String(api.score), 'score cell')
    const ballot = (await apiGet(wang.context, `/cadre/zhang?period=${PERIOD}`)).data
    assert(ballot.basis === 'veto', 'basis ' + ballot.basis)
    await shot(p, 'cadres-veto')
  })

  await check("zhang (staff) sees only zhang's own row, no per-row rating and no paper-ballot field", async () => {
    const p = zhang.page
    await p.click('[data-test=nav-cadres]')
    await p.waitForSelector('[data-test=grade-table] tr[data-login]')
    await p.waitForLoadState('networkidle')
    const api = (await apiGet(zhang.context, `/cadre/grades?period=${PERIOD}`)).data
    assert(api.length === 1 && api[0].login === 'zhang', 'API rows for zhang: ' + JSON.stringify(api))
    const logins = await p.locator('[data-test=grade-table] tbody tr[data-login]').evaluateAll((rs) => rs.map((x) => x.dataset.login))
    assert(JSON.stringify(logins) === '["zhang"]', 'rows shown: ' + logins)
    assert((await cells(p, 'grade-table', 'score'))[0] === String(api[0].score), 'score')
    assert((await p.locator('[data-test=rate-row]').count()) === 0, 'a per-row rate button')
    assert((await p.locator('[data-test=f-unit]').count()) === 0, 'a unit filter')
    assert(await p.locator('[data-test=only-mine]').isVisible(), 'no only-mine note')
    await shot(p, 'cadres-zhang')
    // own page: no ballots
    await p.click('[data-test=grade-table] tr[data-login=zhang] [data-test=details]')
    await p.locator('[data-test=ballots-hidden]').waitFor()
    assert((await p.locator('[data-test=raters-table]').count()) === 0, 'ballots shown to the rated')
    await p.keyboard.press('Escape')
    // staff rate as themselves only: the dialog (opened from the keyboard)
    // has no rater field and does not offer zhang
    await p.focus('[data-test=rate]')
    await p.keyboard.press('Enter')
    const dlg = p.locator('[data-test=rate-dialog]')
    await dlg.waitFor()
    assert((await dlg.locator('[data-test=rt-rater]').count()) === 0, 'a paper-ballot rater field for staff')
    await dlg.locator('[data-test=rt-login]').click()
    const opts = await p.getByRole('option').allInnerTexts()
    assert(opts.length > 0 && !opts.some((o) => o.includes('(zhang)')), 'options ' + opts)
    await p.keyboard.press('Escape')
    await dlg.getByRole('button', { name: '取消' }).click()
    // and no add buttons on the inspections screen
    await p.click('[data-test=nav-inspections]')
    await p.waitForSelector('[data-test=inspection-table]')
    await p.waitForLoadState('networkidle')
    assert((await p.locator('[data-test=new-inspection]').count()) === 0, 'staff may add an inspection')
    const api2 = await apiGet(zhang.context, '/inspections')
    assert((await p.locator('[data-test=total]').innerText()).includes(api2.headers['x-total-count']), 'staff list total')
    await shot(p, 'inspections-zhang')
  })

  await check('in English the grade reads as a word; on a 390 px phone no screen scrolls sideways', async () => {
    const p = wang.page
    await p.goto(`${BASE}/cadres?period=${PERIOD}`)
    await p.waitForSelector('[data-test=grade-table] tr[data-login=li]')
    await p.click('[data-test=lang-switch]')
    await p.waitForFunction(() => document.querySelector('.page-title')?.textContent === 'Cadre assessment')
    const li = grades.find((x) => x.login === 'li')
    const label = await p.locator('[data-test=grade-table] tr[data-login=li] .grade-badge').innerText()
    assert(label === { excellent: 'Excellent', competent: 'Competent', basic: 'Basically competent', incompetent: 'Incompetent' }[li.grade], 'label ' + label)
    await shot(p, 'cadres-english')
    await p.click('[data-test=lang-switch]')
    await p.setViewportSize({ width: 390, height: 844 })
    for (const [path, sel, name] of [
      ['/cadres?period=' + PERIOD, '[data-test=grade-table] tr[data-login]', 'phone-cadres'],
      ['/inspections', '[data-test=inspection-table] tr[data-id]', 'phone-inspections'],
      [`/inspections/${inspection.id}`, '[data-test=rectification-table]', 'phone-inspection'],
      ['/inspections/merits', '[data-test=merit-table] tr[data-id]', 'phone-merits'],
    ]) {
      await p.goto(BASE + path)
      await p.waitForSelector(sel)
      await p.waitForLoadState('networkidle')
      await noSideways(p, path)
      await shot(p, name)
    }
    await p.goto(BASE + '/inspections')
    await p.click('[data-test=new-inspection]')
    await p.locator('[data-test=inspection-dialog]').waitFor()
    await p.locator('[data-test=in-add-item]').click()
    await noSideways(p, 'the inspection dialog')
    await shot(p, 'phone-inspection-dialog')
  })

  await check('no uncaught page errors', async () => {
    assert(pageErrors.length === 0, pageErrors.join('\n'))
  })
} finally {
  await browser.close()
}

console.log(`evaluation-ui took ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${SHOTS}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
