// Talks to luoshi's JSON API under /api/v1 with the session cookie
// (HttpOnly, so credentials: 'same-origin') and the CSRF token on writes.
import { reactive } from 'vue'

const CSRF_KEY = 'luoshi.csrf'

export const session = reactive({
  user: null,
  csrf: sessionStorage.getItem(CSRF_KEY) || '',
})

export class ApiError extends Error {
  constructor(status, body, headers) {
    const e = (body && body.error) || {}
    super(e.message || `HTTP ${status}`)
    this.status = status
    this.code = e.code || null
    this.field = e.field || null
    this.headers = headers
    this.body = body
  }
}

let onUnauthenticated = () => {}
export function setUnauthenticatedHandler(fn) { onUnauthenticated = fn }

// api(path, { method, body (object or FormData), query, ifMatch }) → { data, headers, status }
export async function api(path, opts = {}) {
  const method = opts.method || 'GET'
  const headers = { Accept: 'application/json' }
  let body
  if (method !== 'GET' && method !== 'HEAD' && session.csrf) headers['X-CSRF-Token'] = session.csrf
  if (opts.ifMatch != null) headers['If-Match'] = `"${opts.ifMatch}"`
  if (opts.body instanceof FormData) body = opts.body
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(opts.body)
  }
  let url = '/api/v1' + path
  if (opts.query) {
    const q = new URLSearchParams()
    for (const [k, v] of Object.entries(opts.query)) {
      if (v !== undefined && v !== null && v !== '' && v !== false) q.set(k, String(v))
    }
    const s = q.toString()
    if (s) url += (url.includes('?') ? '&' : '?') + s
  }
  const r = await fetch(url, { method, headers, body, credentials: 'same-origin' })
  let data = null
  const ct = r.headers.get('Content-Type') || ''
  if (r.status !== 204 && ct.includes('json')) {
    try { data = await r.json() } catch { data = null }
  }
  if (!r.ok) {
    const err = new ApiError(r.status, data, r.headers)
    if (r.status === 401 && path !== '/login') {
      clearSession()
      onUnauthenticated()
    }
    throw err
  }
  return { data, headers: r.headers, status: r.status }
}

export async function login(loginName, password) {
  const { data } = await api('/login', { method: 'POST', body: { login: loginName, password } })
  session.user = data.user
  session.csrf = data.csrf_token
  sessionStorage.setItem(CSRF_KEY, data.csrf_token)
  return data.user
}

export async function logout() {
  try { await api('/logout', { method: 'POST' }) } catch { /* already gone */ }
  clearSession()
}

export function clearSession() {
  session.user = null
  session.csrf = ''
  sessionStorage.removeItem(CSRF_KEY)
}

// The session cookie outlives a reload; the CSRF token is kept in sessionStorage.
export async function restoreSession() {
  if (!session.csrf) return null
  try {
    const { data } = await api('/me')
    session.user = data
    return data
  } catch {
    clearSession()
    return null
  }
}

// Units in scope, fetched once per login.
let unitsCache = null
export async function units() {
  if (!unitsCache) {
    const { data } = await api('/units', { query: { per_page: 200 } })
    unitsCache = data
  }
  return unitsCache
}
export function forgetUnits() { unitsCache = null }
