// A paged list's filters and paging as they travel in the page's URL
// (the task list, inspections, cadres): pure functions, tested by
// taskFilters.test.js and evaluation.test.js through their lists.
export const PER_PAGE = [10, 25, 50, 100, 200]
export const DEFAULT_PER_PAGE = 25

// { filters, page, perPage } from a route query, reading only `keys`.
export function listFromQuery(q, keys) {
  const filters = Object.fromEntries(keys.map((k) => [k, typeof q[k] === 'string' ? q[k] : '']))
  const p = parseInt(q.page, 10)
  const pp = parseInt(q.per_page, 10)
  return { filters, page: p > 0 ? p : 1, perPage: PER_PAGE.includes(pp) ? pp : DEFAULT_PER_PAGE }
}

// The route query of a list state: empty filters and defaults left out.
export function listToQuery(filters, page, perPage, keys) {
  const q = {}
  for (const k of keys) if (filters[k]) q[k] = filters[k]
  if (page > 1) q.page = String(page)
  if (perPage !== DEFAULT_PER_PAGE) q.per_page = String(perPage)
  return q
}
