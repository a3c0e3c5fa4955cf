// Script- and SQL-looking text in the web UI (headless Chromium,
// playwright-core): wang (supervisor) creates a task whose title and
// description, a report (by li, HRB-DL's leader) whose note, and a
// practice whose title and body carry `'); DROP TABLE tasks;--`,
// `<script>alert(1)</script>` and `<img src=x onerror=alert(1)>` through
// the API; then the task page, the task list, the dashboard and the
// practices page are opened. On each: no dialog fired (page.on('dialog')),
// no injected element is in the DOM (no img with onerror, no script
// holding alert(1)), and the text is shown literally.
//   BASE_URL=http://127.0.0.1:8080 node tests/e2e/xss.mjs
// Needs the demo city of tests/e2e/run.sh. Prints "N passed, N failed".
import { createRequire } from 'node:module'

const require = createRequire(new URL('../../web/package.json', import.meta.url))
const { chromium } = require('playwright-core')

const BASE = (process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '')
const PASSWORD = process.env.LUOSHI_PASSWORD || 'demo12345'
const SQLI = "'); DROP TABLE tasks;--"
const XSS1 = '<script>alert(1)</script>'
const XSS2 = '<img src=x onerror=alert(1)>'
const TITLE = `${SQLI} ${XSS1}`

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

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
})
const dialogs = []
const pageErrors = []

// A logged-in context: the session cookie is the context's, the CSRF
// token goes with every write.
async function session(login) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } })
  const r = await context.request.post(BASE + '/api/v1/login', { data: { login, password: PASSWORD } })
  assert(r.status() === 200, `${login} login: ${r.status()}`)
  const csrf = (await r.json()).csrf_token
  const page = await context.newPage()
  page.setDefaultTimeout(15000)
  page.on('dialog', async (d) => { dialogs.push(`${login}: ${d.type()} ${d.message()}`); await d.dismiss() })
  page.on('pageerror', (e) => pageErrors.push(`${login}: ${e}`))
  const post = async (path, data) => {
    const res = await context.request.post(BASE + '/api/v1' + path, { data, headers: { 'X-CSRF-Token': csrf } })
    const body = await res.json()
    assert(res.status() < 300, `POST ${path}: ${res.status()} ${JSON.stringify(body)}`)
    return body
  }
  // the UI keeps its own session: log in through the form as a user does
  const ui = async () => {
    await page.goto(BASE + '/')
    await page.waitForURL(/\/login/)
    await page.fill('#login-name', login)
    await page.fill('#login-password', PASSWORD)
    await page.click('[data-test=login-submit]')
    await page.waitForSelector('[data-test=board] tbody tr')
  }
  return { context, page, post, ui }
}

// Nothing injected and nothing fired on the current page.
async function clean(page, where) {
  await page.waitForLoadState('networkidle')
  const injected = await page.evaluate(() => ({
    img: document.querySelectorAll('img[onerror]').length,
    script: [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('alert(1)')).length,
  }))
  assert(injected.img === 0, `${where}: ${injected.img} img with onerror in the DOM`)
  assert(injected.script === 0, `${where}: ${injected.script} script holding alert(1)`)
  assert(dialogs.length === 0, `${where}: dialogs fired: ${dialogs.join('; ')}`)
}

async function shows(page, text, where) {
  const body = await page.locator('body').innerText()
  assert(body.includes(text), `${where}: "${text}" is not shown literally`)
}

let wang
let task
try {
  await check('the strings are stored through the API', async () => {
    wang = await session('wang')
    task = await wang.post('/tasks', { title: TITLE, description: XSS2, lead: 'HRB-DL', due: '2026-12-20' })
    const li = await session('li')
    await li.post(`/tasks/${task.id}/report`, { percent: 10, note: XSS1 })
    await li.context.close()
    await wang.post('/practices', { title: XSS2, body: `${SQLI} ${XSS1}`, unit: 'HRB-DL' })
  })

  await check('the task page shows them literally, runs nothing', async () => {
    const p = wang.page
    await wang.ui()
    await p.goto(`${BASE}/tasks/${task.id}`)
    await p.waitForSelector('#timeline-title')
    await p.waitForLoadState('networkidle')
    await shows(p, TITLE, 'task page')
    await shows(p, XSS2, 'task page')
    await shows(p, XSS1, 'task page (report note)')
    await clean(p, 'task page')
  })

  await check('the task list shows the title literally, runs nothing', async () => {
    const p = wang.page
    await p.goto(`${BASE}/tasks?unit=HRB-DL`)
    await p.waitForSelector('[data-test=task-table] tbody tr[data-id]')
    await p.goto(`${BASE}/tasks?search=${encodeURIComponent('DROP TABLE')}`)
    await p.waitForSelector(`[data-test=task-table] tbody tr[data-id="${task.id}"]`)
    await shows(p, TITLE, 'task list')
    await clean(p, 'task list')
  })

  await check('the dashboard runs nothing', async () => {
    const p = wang.page
    await p.goto(BASE + '/')
    await p.waitForSelector('[data-test=board] tbody tr')
    await clean(p, 'dashboard')
  })

  await check('the practices page shows them literally, runs nothing', async () => {
    const p = wang.page
    await p.goto(BASE + '/practices')
    await p.waitForSelector('[data-test=practice-table] tbody tr[data-id]')
    await shows(p, XSS2, 'practices page')
    await clean(p, 'practices page')
  })

  await check('no script error on any page', async () => {
    assert(pageErrors.length === 0, pageErrors.join('; '))
  })
} finally {
  await browser.close()
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
