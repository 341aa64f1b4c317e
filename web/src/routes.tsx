import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { PageLoading } from './components/PageLoading';
import { RequireCareAccess } from './components/RequireCareAccess';
import { RequirePermission } from './components/RequirePermission';
import ErrorPage from './pages/errors/ErrorPage';

const LoginPage = lazy(() => import('./pages/login/LoginPage'));
const HomePage = lazy(() => import('./pages/home/HomePage'));
const RegionsPage = lazy(() => import('./pages/regions/RegionsPage'));
const AccountsPage = lazy(() => import('./pages/accounts/AccountsPage'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage'));
const ChangePasswordPage = lazy(() => import('./pages/password/ChangePasswordPage'));
const PublicLayout = lazy(() => import('./pages/directory/PublicLayout'));
const DirectoryPage = lazy(() => import('./pages/directory/DirectoryPage'));
const InstitutionPublicPage = lazy(() => import('./pages/directory/InstitutionPublicPage'));
const MyInstitutionPage = lazy(() => import('./pages/institution/MyInstitutionPage'));
const InstitutionsPage = lazy(() => import('./pages/institutions/InstitutionsPage'));
const InstitutionDetailPage = lazy(() => import('./pages/institutions/InstitutionDetailPage'));
const FilingQueuePage = lazy(() => import('./pages/filings/FilingQueuePage'));
const FilingDetailPage = lazy(() => import('./pages/filings/FilingDetailPage'));
const RegisterPage = lazy(() => import('./pages/register/RegisterPage'));
const NotificationsPage = lazy(() => import('./pages/notifications/NotificationsPage'));

/**
 * Every page is its own chunk; the layout checks the session, each route its permission. The
 * directory under /find and the institution self-registration at /register are public (no sign-in).
 */
export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading fullScreen />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/find" element={<PublicLayout />}>
          <Route index element={<DirectoryPage />} />
          <Route path=":id" element={<InstitutionPublicPage />} />
        </Route>
        <Route path="/register" element={<PublicLayout />}>
          <Route index element={<RegisterPage />} />
        </Route>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route
            path="regions/:code?"
            element={
              <RequirePermission permission="regions.read">
                <RegionsPage />
              </RequirePermission>
            }
          />
          <Route
            path="accounts"
            element={
              <RequirePermission permission="accounts.read">
                <AccountsPage />
              </RequirePermission>
            }
          />
          <Route
            path="audit"
            element={
              <RequirePermission permission="audit.read">
                <AuditPage />
              </RequirePermission>
            }
          />
          <Route
            path="institution/:tab?"
            element={
              <RequireCareAccess need="ownInstitution">
                <MyInstitutionPage />
              </RequireCareAccess>
            }
          />
          <Route
            path="institutions"
            element={
              <RequireCareAccess need="register">
                <InstitutionsPage />
              </RequireCareAccess>
            }
          />
          <Route
            path="institutions/:id/:tab?"
            element={
              <RequireCareAccess need="register">
                <InstitutionDetailPage />
              </RequireCareAccess>
            }
          />
          <Route
            path="filings"
            element={
              <RequireCareAccess need="reviewFilings">
                <FilingQueuePage />
              </RequireCareAccess>
            }
          />
          <Route
            path="filings/:id"
            element={
              <RequireCareAccess need="reviewFilings">
                <FilingDetailPage />
              </RequireCareAccess>
            }
          />
          <Route
            path="notifications"
            element={
              <RequirePermission permission="notifications.read">
                <NotificationsPage />
              </RequirePermission>
            }
          />
          <Route path="password" element={<ChangePasswordPage />} />
          <Route path="forbidden" element={<ErrorPage status={403} />} />
          <Route path="*" element={<ErrorPage status={404} />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
