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
const SignupPage = lazy(() => import('./pages/signup/SignupPage'));
const FamilyPage = lazy(() => import('./pages/family/FamilyPage'));
const NotificationsPage = lazy(() => import('./pages/notifications/NotificationsPage'));
const AssessmentsWorkListPage = lazy(() => import('./pages/assessments/AssessmentsWorkListPage'));
const NewAssessmentPage = lazy(() => import('./pages/assessments/NewAssessmentPage'));
const PersonAssessmentsPage = lazy(() => import('./pages/assessments/PersonAssessmentsPage'));
const BookPage = lazy(() => import('./pages/book/BookPage'));
const MyBookingsPage = lazy(() => import('./pages/my-bookings/MyBookingsPage'));
const DutyOfCarePage = lazy(() => import('./pages/duty/DutyOfCarePage'));
const PlacesPage = lazy(() => import('./pages/places/PlacesPage'));
const BookingsPage = lazy(() => import('./pages/places/BookingsPage'));
const AttendancePage = lazy(() => import('./pages/attendance/AttendancePage'));
const RoomBoardPage = lazy(() => import('./pages/attendance/RoomBoardPage'));
const RostersPage = lazy(() => import('./pages/attendance/RostersPage'));
const CareVisitsPage = lazy(() => import('./pages/homecare/CareVisitsPage'));
const CareOrdersPage = lazy(() => import('./pages/homecare/CareOrdersPage'));
const CareExceptionsPage = lazy(() => import('./pages/homecare/CareExceptionsPage'));
const CareSettlementsPage = lazy(() => import('./pages/homecare/CareSettlementsPage'));
const CareMenuPage = lazy(() => import('./pages/homecare/CareMenuPage'));
const ProgramsPage = lazy(() => import('./pages/programs/ProgramsPage'));
const CoveragePage = lazy(() => import('./pages/programs/CoveragePage'));

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
        <Route path="/signup" element={<PublicLayout />}>
          <Route index element={<SignupPage />} />
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
            path="institution/attendance"
            element={
              <RequirePermission permission="attendance.manage">
                <RequireCareAccess need="ownInstitution">
                  <AttendancePage />
                </RequireCareAccess>
              </RequirePermission>
            }
          />
          <Route
            path="institution/room-board"
            element={
              <RequirePermission permission="attendance.manage">
                <RequireCareAccess need="ownInstitution">
                  <RoomBoardPage />
                </RequireCareAccess>
              </RequirePermission>
            }
          />
          <Route
            path="institution/rosters"
            element={
              <RequirePermission permission="attendance.manage">
                <RequireCareAccess need="ownInstitution">
                  <RostersPage />
                </RequireCareAccess>
              </RequirePermission>
            }
          />
          <Route
            path="institution/places"
            element={
              <RequirePermission permission="bookings.manage">
                <RequireCareAccess need="ownInstitution">
                  <PlacesPage />
                </RequireCareAccess>
              </RequirePermission>
            }
          />
          <Route
            path="institution/bookings"
            element={
              <RequirePermission permission="bookings.manage">
                <RequireCareAccess need="ownInstitution">
                  <BookingsPage />
                </RequireCareAccess>
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
          <Route
            path="care/duty"
            element={
              <RequirePermission permission="care.contacts">
                <DutyOfCarePage />
              </RequirePermission>
            }
          />
          <Route
            path="book/:institutionId"
            element={
              <RequirePermission permission="bookings.book">
                <BookPage />
              </RequirePermission>
            }
          />
          <Route
            path="my-bookings"
            element={
              <RequirePermission permission="bookings.book">
                <MyBookingsPage />
              </RequirePermission>
            }
          />
          <Route
            path="assessments"
            element={
              <RequirePermission permission="assessments.manage">
                <AssessmentsWorkListPage />
              </RequirePermission>
            }
          />
          <Route
            path="assessments/new/:personId"
            element={
              <RequirePermission permission="assessments.manage">
                <NewAssessmentPage />
              </RequirePermission>
            }
          />
          <Route
            path="assessments/person/:personId"
            element={
              <RequirePermission permission="assessments.manage">
                <PersonAssessmentsPage />
              </RequirePermission>
            }
          />
          <Route
            path="family"
            element={
              <RequirePermission permission="bookings.book">
                <FamilyPage />
              </RequirePermission>
            }
          />
          <Route
            path="care/visits"
            element={
              <RequirePermission permission="homecare.provide">
                <CareVisitsPage />
              </RequirePermission>
            }
          />
          <Route path="care/orders" element={<CareOrdersPage />} />
          <Route
            path="care/exceptions"
            element={
              <RequirePermission permission="homecare.review">
                <CareExceptionsPage />
              </RequirePermission>
            }
          />
          <Route
            path="care/settlements"
            element={
              <RequirePermission permission="homecare.review">
                <CareSettlementsPage />
              </RequirePermission>
            }
          />
          <Route
            path="care/menu"
            element={
              <RequirePermission permission="homecare.provide">
                <CareMenuPage />
              </RequirePermission>
            }
          />
          <Route
            path="programs"
            element={
              <RequirePermission permission="people.read">
                <ProgramsPage />
              </RequirePermission>
            }
          />
          <Route
            path="programs/coverage"
            element={
              <RequirePermission permission="people.read">
                <CoveragePage />
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
