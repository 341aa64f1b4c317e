import type { ReactNode } from 'react';
import { useSession } from '../api/queries';
import ErrorPage from '../pages/errors/ErrorPage';

/** Show the page only to accounts holding the permission; others see the 403 page. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? children : <ErrorPage status={403} />;
}
