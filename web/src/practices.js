// The practice library's logic that is not layout: who gets which
// control, tags typed as one line, the list's API query and whether a
// search uses the full-text index (3+ characters) or a plain scan —
// the server decides the same way (core/practice.c); shown as a hint.
const MANAGE = ['admin', 'supervisor', 'leader']
const PROMOTE = ['admin', 'supervisor']

export const canPractice = {
  // record practices and turn commendations into practices
  add: (role) => MANAGE.includes(role),
  // raise a practice into a standing mechanism (上升为制度机制)
  promote: (role) => PROMOTE.includes(role),
}

// "民生, 生态、河湖；民生" → ["民生", "生态", "河湖"]: split on commas (ASCII
// or full-width), 、 and semicolons, trimmed, empty and repeated dropped.
export function parseTags(text) {
  const out = []
  for (const raw of String(text || '').split(/[,，、;；]/)) {
    const tag = raw.trim()
    if (tag && !out.includes(tag)) out.push(tag)
  }
  return out
}

// Characters as a user counts them (code points, not UTF-16 units).
export function chars(s) {
  return Array.from(String(s || '')).length
}

// 'index' for 3+ characters, 'scan' for 1–2, '' for no search.
export function searchMode(text) {
  const n = chars(String(text || '').trim())
  if (!n) return ''
  return n >= 3 ? 'index' : 'scan'
}

// The API query of the list's filters and paging.
export function practiceQuery(filters, page, perPage) {
  const q = { page, per_page: perPage }
  const search = String(filters.search || '').trim()
  if (search) q.search = search
  if (filters.tag) q.tag = filters.tag
  if (filters.unit) q.unit = filters.unit
  if (filters.promoted === 'true' || filters.promoted === true) q.promoted = 'true'
  return q
}
