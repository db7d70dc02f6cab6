import { createRouter, createWebHistory } from 'vue-router';
import { session, loadMe, homeOf, SCREENS } from './lib/session';
import { setUnauthorizedHandler } from './lib/api';
import { prefetchOverview } from './lib/prefetch';

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', component: () => import('./views/Portal.vue'), meta: { public: true } },
    { path: '/track/:no?', component: () => import('./views/Portal.vue'), meta: { public: true } },
    { path: '/login', component: () => import('./views/Login.vue'), meta: { public: true } },
    { path: '/workbench', component: () => import('./views/Workbench.vue'), meta: { screen: 'workbench' } },
    { path: '/intake', component: () => import('./views/Intake.vue'), meta: { screen: 'intake' } },
    { path: '/cockpit', component: () => import('./views/Cockpit.vue'), meta: { screen: 'cockpit', bare: true } },
    { path: '/analysis', component: () => import('./views/Analysis.vue'), meta: { screen: 'analysis' } },
    { path: '/alerts', component: () => import('./views/Alerts.vue'), meta: { screen: 'alerts' } },
    { path: '/abnormal', component: () => import('./views/Abnormal.vue'), meta: { screen: 'abnormal' } },
    // 系统管理: one shell with a menu (web/src/lib/admin-menu.ts); each screen is a child route
    {
      path: '/admin',
      component: () => import('./views/admin/AdminShell.vue'),
      meta: { screen: 'admin' },
      children: [
        { path: '', redirect: '/admin/users' },
        { path: 'users', component: () => import('./views/admin/AdminUsers.vue') },
        { path: 'units', component: () => import('./views/admin/AdminUnits.vue') },
        { path: 'models', component: () => import('./views/AdminModels.vue') },
        { path: 'calendar', component: () => import('./views/admin/AdminCalendar.vue') },
        { path: 'audit', component: () => import('./views/Admin.vue') },
        { path: 'odr', component: () => import('./views/AdminOdr.vue') },
        { path: 'exchange', component: () => import('./views/AdminExchange.vue') },
      ],
    },
    { path: '/monitoring', component: () => import('./views/Monitoring.vue'), meta: { screen: 'monitoring' } },
    { path: '/models', redirect: '/admin/models' },
    { path: '/disclosure', component: () => import('./views/Disclosure.vue'), meta: { public: true } },
    { path: '/enterprise', component: () => import('./views/Enterprise.vue'), meta: { screen: 'enterprise' } },
    { path: '/knowledge', component: () => import('./views/Knowledge.vue'), meta: { screen: 'knowledge' } },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

router.beforeEach(async (to) => {
  if ((to.path === '/cockpit' && !session.loaded) || (to.path === '/cockpit' && session.me)) {
    prefetchOverview();
    void import('./views/Cockpit.vue');
  }
  // staff pages always ask the server (a session made by another tab or by an API login still counts)
  if (!session.loaded || (!session.me && !to.meta.public)) await loadMe(!to.meta.public);
  if (to.meta.public) {
    if (to.path === '/login' && session.me && session.me.role !== 'public' && !to.query.switch)
      return homeOf(session.me.role);
    return true;
  }
  if (!session.me) return { path: '/login', query: { next: to.fullPath } };
  const screen = to.meta.screen as string | undefined;
  if (screen && !SCREENS[session.me.role]?.includes(screen as never)) return homeOf(session.me.role);
  return true;
});

setUnauthorizedHandler(() => {
  session.me = null;
  const cur = router.currentRoute.value;
  if (!cur.meta.public) void router.push({ path: '/login', query: { next: cur.fullPath } });
});
