/** Progress reports (issue 6): the recipient's periods and reports, the officer's queue, progress at a glance, notifications. Pages attach under signedInRoute. */
import { createRoute } from '@tanstack/react-router';
import { signedInRoute } from './base';
import { lazyPage } from './lazy-page';

const AgreementProgressPage = lazyPage(() => import('../pages/reports/agreement-progress-page'), 'AgreementProgressPage');
const MyReportsPage = lazyPage(() => import('../pages/reports/my-reports-page'), 'MyReportsPage');
const NotificationsPage = lazyPage(() => import('../pages/reports/notifications-page'), 'NotificationsPage');
const ReportPage = lazyPage(() => import('../pages/reports/report-page'), 'ReportPage');
const ReportQueuePage = lazyPage(() => import('../pages/reports/report-queue-page'), 'ReportQueuePage');

const myReportsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/my-reports', component: MyReportsPage });
const reportQueueRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/reports', component: ReportQueuePage });
const notificationsRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/notifications', component: NotificationsPage });

const reportRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/reports/$reportId',
  component: function ReportRoute() {
    const { reportId } = reportRoute.useParams();
    return <ReportPage key={reportId} reportId={reportId} />;
  },
});

const progressRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/agreements/$agreementId/progress',
  component: function ProgressRoute() {
    return <AgreementProgressPage agreementId={progressRoute.useParams().agreementId} />;
  },
});

export const reportRoutes = [myReportsRoute, reportQueueRoute, notificationsRoute, reportRoute, progressRoute] as const;
