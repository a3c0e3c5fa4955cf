// Issue 4's scenario end to end in headless Chromium (playwright-core):
// staff reports progress on a red task with evidence and submits it, the
// unit's leader closes it, scope is enforced, language switch, export.
//   BASE_URL=http://127.0.0.1:8080 node tests/e2e/scenario.mjs
// Needs a freshly seeded demo city (tests/e2e/run.sh does that) with
// LUOSHI_TODAY=2026-11-26. Env: BASE_URL, CHROMIUM (default /usr/bin/chromium),
// SCREENSHOTS (directory for a PNG of each screen; default build/screens).
// Prints "N passed, N failed" and exits 1 on any failure.
import { createRequire } from 'node:module'
import { mkdirSync, writeFileSync, readFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(new URL('../../web/package.json', import.meta.url))
const { chromium } = require('playwright-core')

const BASE = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '')
const PASSWORD = process.env.LUOSHI_PASSWORD || 'demo12345'
const TODAY = process.env.LUOSHI_TODAY || '2026-11-26'
const SHOTS = process.env.SCREENSHOTS || fileURLToPath(new URL('../../build/screens', import.meta.url))
mkdirSync(SHOTS, { recursive: true })
const tmp = mkdtempSync(join(tmpdir(), 'luoshi-e2e-'))
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
async function shot(page, name) { await page.screenshot({ path: `${SHOTS}/scenario-${name}.png`, fullPage: true }) }

// The API as the page's user (same cookie jar as the browser context).
async function apiGet(ctx, path) {
  const r = await ctx.request.get(BASE + '/api/v1' + path)
  let data = null
  try { data = await r.json() } catch { /* not JSON */ }
  return { status: r.status(), data, headers: r.headers() }
}

// A minimal RFC 4180 parser: returns the records (arrays of fields).
function parseCsv(text) {
  const recs = []
  let rec = []
  let f = ''
  let q = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (q) {
      if (c === '"' && text[i + 1] === '"') { f += '"'; i++ } else if (c === '"') q = false
      else f += c
    } else if (c === '"') q = true
    else if (c === ',') { rec.push(f); f = '' }
    else if (c === '\r') { /* CRLF */ }
    else if (c === '\n') { rec.push(f); recs.push(rec); rec = []; f = '' }
    else f += c
  }
  if (f !== '' || rec.length) { rec.push(f); recs.push(rec) }
  return recs
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
})
const pageErrors = []
async function open(login) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 }, acceptDownloads: true })
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
  assert(!u.page.url().includes('/login'), `${u.login}: still on the login page`)
  const me = await apiGet(u.context, '/me')
  assert(me.status === 200 && me.data.login === u.login, `${u.login}: /me answers ${me.status} ${JSON.stringify(me.data)}`)
}
// The board row of a unit as shown: { red: n, yellow: n, ... }.
async function boardRow(page, unit) {
  const row = page.locator(`[data-test=board] tr[data-unit="${unit}"]`)
  assert((await row.count()) === 1, `no board row for ${unit}`)
  const out = {}
  for (const l of ['red', 'yellow', 'green', 'done', 'late']) {
    const cell = row.locator(`[data-light=${l}]`)
    assert((await cell.count()) === 1, `${unit}: no ${l} cell`)
    const m = (await cell.innerText()).match(/(\d+)\s*$/)
    out[l] = m ? parseInt(m[1], 10) : NaN
  }
  return out
}
async function openTask(page, id) {
  await page.goto(`${BASE}/tasks/${id}`)
  await page.waitForSelector('[data-test=timeline]')
}
async function runAction(page, action) {
  await page.click(`[data-test=action-${action}]`)
  const dlg = page.getByRole('dialog')
  await dlg.waitFor()
  return dlg
}
async function submitDialog(page, dlg) {
  await dlg.locator('[data-test=dialog-submit]').click()
  await dlg.waitFor({ state: 'hidden' })
}

const zhang = await open('zhang')
const wang = await open('wang')
const li = await open('li') // leader of HRB-DL
let task = null // the red HRB-DL task under test
let otherId = null
const NOTE = `e2e 进展 ${Date.now()}`
const PERCENT = 85
const EVIDENCE = 'e2e-evidence.txt'

try {
  await check('zhang (staff), wang (supervisor) and li (leader) log in, in separate contexts', async () => {
    await Promise.all([logIn(zhang), logIn(wang), logIn(li)])
    await zhang.page.waitForLoadState('networkidle')
    await shot(zhang.page, 'dashboard-zhang')
    await wang.page.waitForLoadState('networkidle')
    await shot(wang.page, 'dashboard-wang')
  })
  if (failed) skipRest = true

  await check('the board counts for HRB-DL equal GET /api/v1/board (zhang and wang)', async () => {
    for (const u of [zhang, wang]) {
      const r = await apiGet(u.context, '/board')
      assert(r.status === 200, `${u.login}: /board answers ${r.status}`)
      const api = r.data.find((x) => x.unit === 'HRB-DL')
      assert(api, `${u.login}: HRB-DL missing from the API's board`)
      const ui = await boardRow(u.page, 'HRB-DL')
      for (const l of Object.keys(ui)) assert(ui[l] === api[l], `${u.login}: ${l} shows ${ui[l]}, API says ${api[l]}`)
    }
  })

  await check("the dashboard's urges and indicator warnings match the API", async () => {
    for (const u of [zhang, wang]) {
      const r = await apiGet(u.context, '/urges?per_page=10')
      assert(r.status === 200, `${u.login}: /urges answers ${r.status}`)
      const total = r.headers['x-total-count']
      const head = await u.page.locator('#urges-title').innerText()
      assert(head.includes(`(${total})`), `${u.login}: urges heading "${head}", API total ${total}`)
      const shown = await u.page.locator('[data-test=urges] li a').allInnerTexts()
      assert(shown.length === r.data.length && shown.every((x, i) => x === r.data[i].title),
        `${u.login}: urges shown ${JSON.stringify(shown)} vs API ${JSON.stringify(r.data.map((x) => x.title))}`)
      const ind = await apiGet(u.context, '/indicators?on_trajectory=false&per_page=10')
      const names = await u.page.locator('[data-test=off-track] li a').allInnerTexts()
      assert(names.length === ind.data.length && names.every((x, i) => x === ind.data[i].name),
        `${u.login}: off-track shown ${JSON.stringify(names)} vs API ${JSON.stringify(ind.data.map((x) => x.name))}`)
    }
  })

  await check('zhang opens a red task of HRB-DL found through the API', async () => {
    const r = await apiGet(zhang.context, '/tasks?unit=HRB-DL&light=red&per_page=200')
    assert(r.status === 200, `/tasks answers ${r.status}`)
    task = r.data.find((x) => x.lead === 'HRB-DL' && ['open', 'doing'].includes(x.status))
    assert(task, 'no open/doing red task led by HRB-DL in the demo data')
    await openTask(zhang.page, task.id)
    const title = await zhang.page.locator('h1.page-title').innerText()
    assert(title.includes(task.title), `heading "${title}" lacks "${task.title}"`)
    const light = await zhang.page.locator('.task-head-badges .light-badge').first().getAttribute('data-light')
    assert(light === 'red', `task light shows ${light}`)
    await zhang.page.waitForLoadState('networkidle')
    await shot(zhang.page, 'task-red')
  })
  if (!task) skipRest = true

  await check('zhang reports progress with a percent, a note and an evidence file', async () => {
    const p = zhang.page
    const file = join(tmp, EVIDENCE)
    writeFileSync(file, 'luoshi e2e evidence\n')
    const dlg = await runAction(p, 'report')
    const pct = dlg.locator('#f-percent')
    await pct.fill(String(PERCENT))
    await pct.press('Tab')
    await dlg.locator('textarea#f-note').fill(NOTE)
    await dlg.locator('#f-evidence').setInputFiles(file)
    await dlg.getByText(EVIDENCE).waitFor()
    await shot(p, 'report-dialog')
    await submitDialog(p, dlg)
    const entry = p.locator('[data-test=timeline] .tl-entry[data-kind=report]', { hasText: NOTE })
    await entry.waitFor()
    const txt = await entry.innerText()
    assert(txt.includes(`${PERCENT}%`), `report entry lacks ${PERCENT}%: ${txt}`)
    const link = entry.locator('[data-test=evidence-link]')
    assert((await link.count()) === 1, 'no evidence link in the report entry')
    assert((await link.innerText()).includes(EVIDENCE), 'evidence link does not name the file')
    const href = await link.getAttribute('href')
    const ev = await zhang.context.request.get(BASE + href)
    assert(ev.status() === 200 && (await ev.text()) === 'luoshi e2e evidence\n', `evidence ${href} answers ${ev.status()}`)
    const api = await apiGet(zhang.context, `/tasks/${task.id}`)
    assert(api.data.percent === PERCENT && api.data.status === 'doing', `API: ${api.data.percent}% ${api.data.status}`)
  })

  await check('zhang submits it for review; the status shows review', async () => {
    const p = zhang.page
    const dlg = await runAction(p, 'submit')
    await submitDialog(p, dlg)
    await p.locator('.task-head-badges', { hasText: '待审核' }).waitFor()
    await p.locator('[data-test=timeline] .tl-entry[data-kind=event]', { hasText: '提请办结' }).first().waitFor()
    const api = await apiGet(zhang.context, `/tasks/${task.id}`)
    assert(api.data.status === 'review', `API status ${api.data.status}`)
    assert((await p.locator('[data-test=action-submit]').count()) === 0, 'submit still offered')
    await p.waitForLoadState('networkidle')
    await shot(p, 'task-review')
  })

  await check("li (the unit's leader) closes it; light and timeline update (done/late by the due date)", async () => {
    const p = li.page
    await openTask(p, task.id)
    await p.locator('.task-head-badges', { hasText: '待审核' }).waitFor()
    const dlg = await runAction(p, 'close')
    await submitDialog(p, dlg)
    const expected = task.due >= TODAY ? 'done' : 'late'
    await p.locator(`.task-head-badges .light-badge[data-light=${expected}]`).waitFor()
    await p.locator('.task-head-badges', { hasText: '已办结' }).waitFor()
    await p.locator('[data-test=timeline] .tl-entry[data-kind=event]', { hasText: '审核办结' }).first().waitFor()
    const api = await apiGet(li.context, `/tasks/${task.id}`)
    assert(api.data.status === 'done' && api.data.light === expected,
      `API: ${api.data.status}/${api.data.light}, expected done/${expected} (due ${task.due}, today ${TODAY})`)
    await p.waitForLoadState('networkidle')
    await shot(p, 'task-closed')
    // zhang's page shows it too after a reload
    await openTask(zhang.page, task.id)
    await zhang.page.locator(`.task-head-badges .light-badge[data-light=${expected}]`).waitFor()
  })
  skipRest = false

  await check("zhang opening another district's task by URL gets a not-found page (API 404)", async () => {
    const r = await apiGet(wang.context, '/tasks?unit=HRB-NG&per_page=200')
    const other = r.data.find((x) => x.lead.startsWith('HRB-NG') && !x.co.some((c) => c.startsWith('HRB-DL')))
    assert(other, 'no HRB-NG task without an HRB-DL co-unit')
    otherId = other.id
    const z = await apiGet(zhang.context, `/tasks/${otherId}`)
    assert(z.status === 404, `API answers ${z.status} to zhang for task ${otherId}`)
    const p = zhang.page
    await p.goto(`${BASE}/tasks/${otherId}`)
    const alert = p.getByRole('alert').filter({ hasText: '任务不存在或不在您的范围内' })
    await alert.waitFor()
    assert((await p.locator('[data-test=timeline]').count()) === 0, 'a timeline is shown')
    assert(!(await p.content()).includes(other.title), 'the page leaks the task title')
    await shot(p, 'task-not-found')
  })

  await check('switching the language to English and back', async () => {
    const p = zhang.page
    await p.goto(`${BASE}/tasks/${task.id}`)
    await p.waitForSelector('#timeline-title')
    assert((await p.locator('#timeline-title').innerText()).startsWith('办理过程'), 'not Chinese first')
    await p.click('[data-test=lang-switch]')
    await p.waitForFunction(() => document.querySelector('#timeline-title')?.textContent.startsWith('Timeline'))
    const nav = await p.locator('.app-nav').innerText()
    assert(/Dashboard/.test(nav) && /Tasks/.test(nav), 'nav not in English: ' + nav)
    assert((await p.evaluate(() => document.documentElement.lang)) === 'en', 'html lang not en')
    await shot(p, 'task-english')
    await p.click('[data-test=lang-switch]')
    await p.waitForFunction(() => document.querySelector('#timeline-title')?.textContent.startsWith('办理过程'))
    assert(/总览/.test(await p.locator('.app-nav').innerText()), 'nav not back in Chinese')
  })

  await check('the CSV and Excel exports of the filtered list (light=red) hold its X-Total-Count rows', async () => {
    const p = wang.page
    const api = await apiGet(wang.context, '/tasks?light=red&per_page=200')
    const total = parseInt(api.headers['x-total-count'], 10)
    assert(total > 0 && total <= 200, 'X-Total-Count ' + api.headers['x-total-count'])
    await p.goto(BASE + '/tasks?light=red')
    await p.waitForSelector('[data-test=task-table] tbody tr[data-id]')
    await p.waitForLoadState('networkidle')
    const shown = await p.locator('[data-test=total]').innerText()
    assert(new RegExp(`\\b${total}\\b`).test(shown), `list total reads "${shown}", API says ${total}`)
    await shot(p, 'tasks-red')
    // CSV: UTF-8 with a BOM, Chinese headers (the UI is in Chinese)
    const [dl] = await Promise.all([p.waitForEvent('download'), p.click('[data-test=export-csv]')])
    const path = join(tmp, 'export.csv')
    await dl.saveAs(path)
    assert(/^tasks-\d{4}-\d{2}-\d{2}\.csv$/.test(dl.suggestedFilename()), 'file name ' + dl.suggestedFilename())
    const text = readFileSync(path, 'utf8')
    assert(text.startsWith('\ufeff'), 'no BOM')
    const recs = parseCsv(text.slice(1))
    const head = recs[0]
    assert(head[0] === '标题' && head[1] === '牵头单位', 'header: ' + head.join(','))
    const rows = recs.slice(1)
    assert(rows.length === total, `CSV has ${rows.length} data rows, X-Total-Count ${total}`)
    const li = head.indexOf('亮灯')
    const ii = head.indexOf('编号')
    assert(li > 0 && ii > 0, 'no 亮灯 or 编号 column: ' + head.join(','))
    assert(rows.every((r) => r[li] === '红灯'), 'a CSV row is not 红灯')
    assert(rows.every((r) => r.length === head.length), 'ragged CSV rows')
    const ids = rows.map((r) => parseInt(r[ii], 10)).sort((a, b) => a - b)
    const want = api.data.map((x) => x.id).sort((a, b) => a - b)
    assert(JSON.stringify(ids) === JSON.stringify(want), 'the CSV holds other tasks than the API list')
    // Excel: the sheet has a header row and one row per task
    const [dx] = await Promise.all([p.waitForEvent('download'), p.click('[data-test=export-xlsx]')])
    const xpath = join(tmp, 'export.xlsx')
    await dx.saveAs(xpath)
    assert(dx.suggestedFilename().endsWith('.xlsx'), 'file name ' + dx.suggestedFilename())
    const sheet = execFileSync('unzip', ['-p', xpath, 'xl/worksheets/sheet1.xml']).toString()
    const nrows = (sheet.match(/<row /g) || []).length
    assert(nrows === total + 1, `the sheet has ${nrows} rows, want ${total} + a header`)
    // text is stored in the cells (libxlsxwriter's constant-memory mode)
    assert(sheet.includes('红灯') && sheet.includes('标题'), 'the sheet lacks 红灯 or 标题')
  })

  await check("the evaluation page's ranking equals GET /api/v1/eval; the drill-down reaches the counted tasks", async () => {
    const p = wang.page
    const period = '2026'
    const api = await apiGet(wang.context, `/eval?period=${period}&group=district`)
    assert(api.status === 200 && api.data.length > 0, `/eval answers ${api.status}`)
    await p.goto(`${BASE}/eval?period=${period}&group=district`)
    await p.waitForSelector('[data-test=eval-table] tbody tr[data-unit]')
    const ui = await p.locator('[data-test=eval-table] tbody tr[data-unit]').evaluateAll((trs) =>
      trs.map((tr) => [tr.dataset.unit, tr.querySelector('td').textContent.trim(), tr.querySelector('[data-test=eval-score]').textContent.trim()]))
    const want = api.data.map((r) => [r.unit, r.rank == null ? '—' : String(r.rank), r.score == null ? '—' : r.score.toFixed(2)])
    assert(JSON.stringify(ui) === JSON.stringify(want), `UI ${JSON.stringify(ui)}\n       API ${JSON.stringify(want)}`)
    await p.waitForSelector('[data-test=funnel] canvas')
    await p.waitForLoadState('networkidle')
    await shot(p, 'eval')
    // the bulletin of the period, as PDF: its text holds the title and the
    // ranked units' names
    const [dl] = await Promise.all([p.waitForEvent('download'), p.click('[data-test=bulletin-pdf]')])
    const pdf = join(tmp, 'bulletin.pdf')
    await dl.saveAs(pdf)
    assert(readFileSync(pdf).subarray(0, 5).toString() === '%PDF-', 'the bulletin is no PDF')
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString()
    assert(text.includes('2026年督查通报'), 'the PDF lacks its title: ' + text.slice(0, 200))
    for (const r of api.data) assert(text.includes(r.name), `the PDF's ranking lacks ${r.name}`)
    // HRB-DL's score explained: the completion tasks listed are the API's
    const ex = await apiGet(wang.context, `/eval/HRB-DL?period=${period}`)
    assert(ex.status === 200, `explain answers ${ex.status}`)
    await p.locator('[data-test=eval-table] tr[data-unit="HRB-DL"] [data-test=eval-explain]').click()
    const drawer = p.locator('[data-test=explain]')
    await drawer.locator('[data-test=explain-score]').waitFor()
    const score = await drawer.locator('[data-test=explain-score]').innerText()
    assert(score === ex.data.score.toFixed(2), `drawer score ${score}, API ${ex.data.score}`)
    const chips = drawer.locator('.explain-ids[data-metric=completion] [data-test=explain-task]')
    const ids = (await chips.allInnerTexts()).map((x) => parseInt(x.replace('#', ''), 10))
    assert(JSON.stringify(ids) === JSON.stringify(ex.data.metrics.completion.of),
      `completion tasks shown ${JSON.stringify(ids)}, API ${JSON.stringify(ex.data.metrics.completion.of)}`)
    const counted = await drawer.locator('.explain-ids[data-metric=completion] .id-chip.counted').allInnerTexts()
    assert(counted.length === ex.data.metrics.completion.ids.length, `${counted.length} shown as counted, API ${ex.data.metrics.completion.ids.length}`)
    await shot(p, 'eval-explain')
    const first = ex.data.metrics.completion.ids[0]
    await drawer.locator(`.explain-ids[data-metric=completion] .id-chip.counted`, { hasText: `#${first}` }).first().click()
    await p.waitForURL(new RegExp(`/tasks/${first}$`))
    await p.waitForSelector('[data-test=timeline]')
    const st = await apiGet(wang.context, `/tasks/${first}`)
    assert(st.data.status === 'done', `counted completion task ${first} is ${st.data.status}`)
  })

  await check("a unit's page shows its board row and its burden by month as the API has them", async () => {
    const p = wang.page
    await p.goto(`${BASE}/eval?period=2026&group=district`)
    await p.locator('[data-test=burden-table] tr[data-unit="HRB-DL"] a').click()
    await p.waitForURL(/\/units\/HRB-DL$/)
    await p.waitForSelector('[data-test=unit-burden] tbody tr[data-month]')
    const year = new Date().getFullYear()
    const api = await apiGet(wang.context, `/burden?unit=HRB-DL&period=${year}`)
    const ui = await p.locator('[data-test=unit-burden] tbody tr[data-month]').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim().split(' ')[0])))
    const want = api.data.map((b) => [b.month, String(b.reports), String(b.urges), `${b.inspections}`, String(b.evaluations)])
    assert(JSON.stringify(ui) === JSON.stringify(want),
      `unit page burden ${JSON.stringify(ui)}\n       API ${JSON.stringify(want)}`)
    const board = (await apiGet(wang.context, '/board?unit=HRB-DL')).data.find((r) => r.unit === 'HRB-DL')
    const red = await p.locator('[data-test=unit-board] [data-light=red]').innerText()
    assert(red.trim().endsWith(String(board.red)), `red shows "${red}", API ${board.red}`)
    await p.waitForLoadState('networkidle')
    await shot(p, 'unit')
  })

  await check('importing a task sheet: two bad rows are named and nothing is imported; a good sheet imports', async () => {
    const p = wang.page
    const stamp = Date.now()
    const bad = join(tmp, 'bad.csv')
    writeFileSync(bad, `标题,牵头单位,截止日期\r\ne2e 导入 ${stamp} 甲,NOPE,2026-12-31\r\ne2e 导入 ${stamp} 乙,HRB-DL,2026-13-01\r\ne2e 导入 ${stamp} 丙,HRB-DL,2026年12月31日\r\n`)
    const before = parseInt((await apiGet(wang.context, '/tasks?per_page=1')).headers['x-total-count'], 10)
    await p.goto(BASE + '/tasks')
    await p.click('[data-test=import-open]')
    const dlg = p.locator('[data-test=import-dialog]')
    await dlg.locator('[data-test=import-file]').setInputFiles(bad)
    await dlg.locator('[data-test=import-check]').click()
    await dlg.locator('[data-test=import-rows] tbody tr').first().waitFor()
    const lines = await dlg.locator('[data-test=import-rows] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.line))
    assert(JSON.stringify(lines) === '["2","3"]', 'bad rows named: ' + JSON.stringify(lines))
    const cells = await dlg.locator('[data-test=import-rows] tbody').innerText()
    assert(cells.includes('NOPE') && cells.includes('2026-13-01'), 'the bad values are not shown: ' + cells)
    assert(await dlg.locator('[data-test=import-submit]').isDisabled(), 'import offered despite bad rows')
    await shot(p, 'import-errors')
    const good = join(tmp, 'good.csv')
    writeFileSync(good, `\ufeff标题,牵头单位,截止日期,重点\r\ne2e 导入 ${stamp} 丁,HRB-DL,2026/12/31,是\r\n`)
    await dlg.locator('[data-test=import-file]').setInputFiles(good)
    await dlg.locator('[data-test=import-check]').click()
    await dlg.locator('[data-test=import-checked]').waitFor()
    await dlg.locator('[data-test=import-submit]').click()
    await dlg.waitFor({ state: 'hidden' })
    const after = await apiGet(wang.context, `/tasks?search=${encodeURIComponent('e2e 导入 ' + stamp)}`)
    assert(after.data.length === 1 && after.data[0].lead === 'HRB-DL' && after.data[0].due === '2026-12-31' && after.data[0].key === true,
      'imported: ' + JSON.stringify(after.data))
    const total = parseInt((await apiGet(wang.context, '/tasks?per_page=1')).headers['x-total-count'], 10)
    assert(total === before + 1, `task count went from ${before} to ${total}, want +1`)
  })

  await check('the administrator adds a notification channel; a bad address is refused with the field named', async () => {
    const admin = await open('admin')
    try {
      await logIn(admin)
      const p = admin.page
      await p.goto(BASE + '/admin/notify')
      await p.waitForSelector('[data-test=notify-form]')
      const before = (await apiGet(admin.context, '/notify/channels')).data.length
      await p.fill('#nf-who', 'HRB-DL')
      await p.fill('#nf-address', 'ftp://bot.example.org/x')
      await p.click('[data-test=notify-submit]')
      const err = await p.locator('[data-test=notify-error]').innerText()
      assert(/target/.test(err) && err.includes('ftp://bot.example.org/x'), 'error: ' + err)
      assert((await apiGet(admin.context, '/notify/channels')).data.length === before, 'a refused channel was stored')
      await p.fill('#nf-address', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=e2e')
      await p.click('[data-test=notify-submit]')
      await p.locator('[data-test=notify-channels] tbody tr[data-id]', { hasText: 'HRB-DL' }).waitFor()
      const api = await apiGet(admin.context, '/notify/channels')
      const c = api.data.find((x) => x.unit === 'HRB-DL' && x.channel === 'wecom')
      assert(api.data.length === before + 1 && c && c.target.endsWith('key=e2e'), 'channels: ' + JSON.stringify(api.data))
      await p.waitForSelector('[data-test=notify-deliveries]')
      await shot(p, 'admin-notify')
    } finally {
      await admin.context.close()
    }
  })

  await check('no uncaught page errors', async () => {
    assert(pageErrors.length === 0, pageErrors.join('\n'))
  })
} finally {
  await browser.close()
  rmSync(tmp, { recursive: true, force: true })
}

console.log(`scenario took ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${SHOTS}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
