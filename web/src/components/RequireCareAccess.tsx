import type { ReactNode } from 'react';
import { useSession } from '../api/queries';
import { type CareAccess, careAccess } from '../lib/access';
import ErrorPage from '../pages/errors/ErrorPage';

/** Show an institutions page only to accounts it is for (see careAccess); others see the 403 page. */
export function RequireCareAccess({ need, children }: { need: keyof CareAccess; children: ReactNode }) {
  const session = useSession();
  return careAccess(session)[need] ? children : <ErrorPage status={403} />;
}
