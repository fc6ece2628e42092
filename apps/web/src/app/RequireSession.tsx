import { Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { signInPath, useSession } from '../auth/session';

/** Draws its pages only for a signed-in person; anyone else goes to sign-in and comes back. */
export default function RequireSession() {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) {
    return <Spin fullscreen description="正在加载…" />;
  }
  if (user === null) {
    return <Navigate to={signInPath(`${location.pathname}${location.search}`)} replace />;
  }
  return <Outlet />;
}
