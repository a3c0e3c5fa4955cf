import { createRouter, createWebHistory } from 'vue-router'
import { session, restoreSession, setUnauthenticatedHandler } from './api.js'
import Login from './views/Login.vue'
import Dashboard from './views/Dashboard.vue'
import Tasks from './views/Tasks.vue'
import Task from './views/Task.vue'

export const router = createRouter({
  history: createWebHistory('/'),
  routes: [
    { path: '/login', name: 'login', component: Login, meta: { public: true } },
    { path: '/', name: 'dashboard', component: Dashboard },
    { path: '/tasks', name: 'tasks', component: Tasks },
    { path: '/tasks/:id(\\d+)', name: 'task', component: Task, props: true },
    // The goal tree carries ECharts: its own chunk.
    { path: '/goals', name: 'goals', component: () => import('./views/Goals.vue') },
    { path: '/units/:code', name: 'unit', component: () => import('./views/Unit.vue'), props: true },
    { path: '/eval', name: 'eval', component: () => import('./views/Evaluation.vue') },
    // The evaluation screens, each its own chunk.
    { path: '/inspections', name: 'inspections', component: () => import('./views/Inspections.vue'), props: { section: 'list' } },
    { path: '/inspections/merits', name: 'merits', component: () => import('./views/Inspections.vue'), props: { section: 'merits' } },
    { path: '/inspections/:id(\\d+)', name: 'inspection', component: () => import('./views/Inspection.vue'), props: true },
    { path: '/cadres', name: 'cadres', component: () => import('./views/Cadres.vue') },
    { path: '/policies', name: 'policies', component: () => import('./views/Policies.vue') },
    { path: '/practices', name: 'practices', component: () => import('./views/Practices.vue') },
    { path: '/admin', redirect: '/admin/units' },
    { path: '/admin/:section(units|users|calendar|notify)', name: 'admin', component: () => import('./views/Admin.vue'), props: true, meta: { admin: true } },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
  scrollBehavior: () => ({ top: 0 }),
})

let restored = false
router.beforeEach(async (to) => {
  if (!restored) {
    restored = true
    await restoreSession()
  }
  if (!to.meta.public && !session.user) return { name: 'login', query: { next: to.fullPath } }
  if (to.name === 'login' && session.user) return { name: 'dashboard' }
  if (to.meta.admin && session.user.role !== 'admin') return { name: 'dashboard' }
})

setUnauthenticatedHandler(() => {
  const cur = router.currentRoute.value
  if (cur.name !== 'login') router.push({ name: 'login', query: { next: cur.fullPath } })
})
