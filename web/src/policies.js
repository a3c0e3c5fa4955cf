// The policy page's logic (src/views/Policies.vue): the timeline of
// windows (each policy a bar from window_open to window_close on one day
// axis, with the reference day's line), the alert each row carries and
// which roles may write. Dates are ISO days; the reference day comes from
// the server (window_close − days_left), never from the browser's clock.

export const POLICY_STATUSES = ['watching', 'applying', 'landed', 'missed']
export const POLICY_LEVELS = ['national', 'provincial', 'municipal']

const DAY = 86400000
// Day number of an ISO date (UTC, so no time zone shifts a day).
export function dayNumber(iso) {
  const [y, m, d] = iso.split('-').map(Number)
  return Math.round(Date.UTC(y, m - 1, d) / DAY)
}
export function isoDay(n) {
  return new Date(n * DAY).toISOString().slice(0, 10)
}

// The server's reference day, from any policy: window_close − days_left.
export function referenceDay(policies) {
  const p = policies.find((x) => typeof x.days_left === 'number')
  return p ? isoDay(dayNumber(p.window_close) - p.days_left) : null
}

// 'closing', 'missed', 'landed' or '' — what a row is marked with.
export function alertOf(p) {
  if (p.closing) return 'closing'
  if (p.status === 'missed') return 'missed'
  if (p.status === 'landed') return 'landed'
  return ''
}

// Bars for the timeline: the axis spans every window and the reference
// day; left and width are percentages of it (a one-day window is one day
// wide: the close day is inside the window). today is the line's left.
export function timeline(policies, today) {
  if (!policies.length) return { from: null, to: null, today: null, bars: [] }
  let lo = Infinity
  let hi = -Infinity
  for (const p of policies) {
    lo = Math.min(lo, dayNumber(p.window_open))
    hi = Math.max(hi, dayNumber(p.window_close) + 1)
  }
  const t = today ? dayNumber(today) : null
  if (t !== null) {
    lo = Math.min(lo, t)
    hi = Math.max(hi, t + 1)
  }
  const span = hi - lo
  const pct = (n) => Math.round((10000 * (n - lo)) / span) / 100
  return {
    from: isoDay(lo),
    to: isoDay(hi - 1),
    today: t === null ? null : pct(t),
    bars: policies.map((p) => {
      const a = dayNumber(p.window_open)
      const b = dayNumber(p.window_close) + 1
      return { id: p.id, left: pct(a), width: Math.round((10000 * (b - a)) / span) / 100, alert: alertOf(p) }
    }),
  }
}

// Administrators, supervisors and leaders add, update and link policies
// (the server's PERM_POLICY_EDIT); staff and viewers read.
export function mayEditPolicies(role) {
  return role === 'admin' || role === 'supervisor' || role === 'leader'
}

// Statuses a policy may be set to: after its window closed (days_left <
// 0) only landed or missed, as the server enforces (409 otherwise).
export function settableStatuses(p) {
  return p && p.days_left < 0 ? ['landed', 'missed'] : POLICY_STATUSES
}
