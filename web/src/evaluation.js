// The inspection, merit and cadre screens' logic that is not layout: periods
// (2026, 2026-Q4, 2026-11) and the picker's choices, the rectification items as the API's "TITLE@DUE" strings, the Warning
// header's text, and which controls a role gets (as the API allows; see the
// user guide's tables). Pure functions, tested by evaluation.test.js.

// ---- periods ---------------------------------------------------------------
const PERIOD_RE = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/

// { value, y, kind: 'year' | 'quarter' | 'month', n } or null.
export function parsePeriod(s) {
  const m = typeof s === 'string' ? PERIOD_RE.exec(s) : null
  if (!m) return null
  const y = parseInt(m[1], 10)
  if (m[2]) return { value: s, y, kind: 'quarter', n: parseInt(m[2], 10) }
  if (m[3]) return { value: s, y, kind: 'month', n: parseInt(m[3], 10) }
  return { value: s, y, kind: 'year', n: null }
}

// The quarter of a 'YYYY-MM-DD' day: '2026-11-26' → '2026-Q4'.
export function quarterOf(day) {
  const y = day.slice(0, 4)
  const m = parseInt(day.slice(5, 7), 10)
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`
}

// The picker's choices for the years of `day` and the one before, newest
// year first, each year as itself, its quarters and its months.
export function periodChoices(day, years = 2) {
  const out = []
  const y0 = parseInt(day.slice(0, 4), 10)
  for (let y = y0; y > y0 - years; y--) {
    out.push(parsePeriod(String(y)))
    for (let q = 1; q <= 4; q++) out.push(parsePeriod(`${y}-Q${q}`))
    for (let m = 1; m <= 12; m++) out.push(parsePeriod(`${y}-${String(m).padStart(2, '0')}`))
  }
  return out
}

// The local day as 'YYYY-MM-DD' (the browser's; the API does not say its own).
export function localDay(d = new Date()) {
  const p = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

// ---- inspections -----------------------------------------------------------
// The rectification items [{ title, due }] as "TITLE@DUE" strings. Rows with
// neither title nor due are dropped; a half-filled row is an error
// { index (0-based), field: 'title' | 'due' }.
export function rectifyStrings(items) {
  const list = []
  for (let i = 0; i < items.length; i++) {
    const title = (items[i].title || '').trim()
    const due = items[i].due || ''
    if (!title && !due) continue
    if (!title) return { list: null, error: { index: i, field: 'title' } }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(due)) return { list: null, error: { index: i, field: 'due' } }
    list.push(`${title}@${due}`)
  }
  return { list, error: null }
}

// The text of a `Warning: 299 luoshi "…"` header (several joined by a
// space), or '' when absent.
export function warningText(header) {
  if (!header) return ''
  const out = []
  const re = /\d{3} \S+ "((?:[^"\\]|\\.)*)"/g
  let m
  while ((m = re.exec(header)) !== null) out.push(m[1].replace(/\\(.)/g, '$1'))
  return out.length ? out.join(' ') : header
}

// A rectification's rectified_on_time as a word: yes, no or pending (null).
export function rectifiedState(v) {
  return v === true ? 'yes' : v === false ? 'no' : 'pending'
}

// ---- cadre -----------------------------------------------------------------
export const GRADES = ['excellent', 'competent', 'basic', 'incompetent']
export const RATER_TYPES = ['superior', 'peer', 'subordinate', 'public']
export const DIMENSIONS = ['political', 'competence', 'responsibility', 'struggle', 'conduct']

// ---- who gets which control (the API answers 403 to the others) ----------
const INSPECT = ['admin', 'supervisor']
const MANAGE = ['admin', 'supervisor', 'leader']
export const can = {
  // record inspections, commendations and accountability
  inspect: (role) => INSPECT.includes(role),
  // rate as oneself (anyone but a viewer)
  rate: (role) => !!role && role !== 'viewer',
  // record another rater's paper ballot (rater field)
  rateFor: (role) => INSPECT.includes(role),
  // grade rows of the scope and others' pages with their ballots
  seeOthers: (role) => MANAGE.includes(role),
}
