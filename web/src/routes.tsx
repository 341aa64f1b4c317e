import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { PageLoading } from './components/PageLoading';
import { RequirePermission } from './components/RequirePermission';
import ErrorPage from './pages/errors/ErrorPage';

const LoginPage = lazy(() => import('./pages/login/LoginPage'));
const HomePage = lazy(() => import('./pages/home/HomePage'));
const RegionsPage = lazy(() => import('./pages/regions/RegionsPage'));
const AccountsPage = lazy(() => import('./pages/accounts/AccountsPage'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage'));
const ChangePasswordPage = lazy(() => import('./pages/password/ChangePasswordPage'));

/** Every page is its own chunk; the layout checks the session, each route its permission. */
export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading fullScreen />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
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
          <Route path="password" element={<ChangePasswordPage />} />
          <Route path="forbidden" element={<ErrorPage status={403} />} />
          <Route path="*" element={<ErrorPage status={404} />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
