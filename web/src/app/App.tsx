/** The app: the sign-in page outside, every registered page inside the shell. */
import { type ReactNode, useEffect, useLayoutEffect } from 'react';
import { LoginPage, safeNext } from '../features/auth/pages/LoginPage.tsx';
import { JoinPage, PORTAL_HOME, PORTAL_JOIN, PortalShell, portalPages } from '../features/portal/pages.tsx';
import { JOIN_PATH, JoinPage as TeamJoinPage } from '../features/team/pages/JoinPage.tsx';
import { ErrorBanner, Loading } from '../ui/feedback.tsx';
import { ToastProvider } from '../ui/toast.tsx';
import { usePageTitle } from '../ui/usePageTitle.ts';
import { HOME_PATH } from './page.ts';
import { Link, matchPath, navigate, useLocation } from './router.tsx';
import { PAGES } from './routes.tsx';
import { Shell } from './Shell.tsx';
import { loginPath, SessionProvider, useSession } from './session.tsx';

function NotFound() {
  usePageTitle('Not found');
  return (
    <div className="page">
      <h1>There is no page here</h1>
      <p className="muted">
        The address may be mistyped, or the page has moved.{' '}
        <Link to={HOME_PATH}>Go to the opportunities</Link>.
      </p>
    </div>
  );
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}

function Routes() {
  const { state } = useSession();
  const { pathname, search, href } = useLocation();

  if (state.status === 'loading') return <Loading label="Opening Outtask…" />;

  // The one-time portal link works signed in or not: accepting it signs its out-tasker in.
  if (pathname === PORTAL_JOIN) return <JoinPage />;
  // The same for an invitation to join the firm as owner or staff.
  if (pathname === JOIN_PATH) return <TeamJoinPage />;

  if (pathname === '/login') {
    return state.status === 'signed-in' ? <Redirect to={safeNext(search.get('next'))} /> : <LoginPage />;
  }
  if (state.status === 'signed-out') {
    if (state.error) {
      return (
        <div className="page">
          <ErrorBanner error={state.error} onRetry={() => window.location.reload()} />
        </div>
      );
    }
    return <Redirect to={loginPath(href)} />;
  }
  if (state.me.role === 'outtasker') return <PortalRoutes pathname={pathname} />;
  if (pathname === '/') return <Redirect to={HOME_PATH} />;

  for (const page of PAGES) {
    const params = matchPath(page.path, pathname);
    if (params) {
      return (
        <Shell key="shell">
          <PageFrame key={pathname} title={page.title}>
            {page.render(params)}
          </PageFrame>
        </Shell>
      );
    }
  }
  return (
    <Shell key="shell">
      <NotFound />
    </Shell>
  );
}

/** An out-tasker sees the portal only: every other address leads to its home. */
function PortalRoutes({ pathname }: { pathname: string }) {
  for (const page of portalPages) {
    const params = matchPath(page.path, pathname);
    if (params) {
      return (
        <PortalShell key="portal">
          <PageFrame key={pathname} title={page.title}>
            {page.render(params)}
          </PageFrame>
        </PortalShell>
      );
    }
  }
  return <Redirect to={PORTAL_HOME} />;
}

/** Sets the registry's title first (a layout effect); a page's own usePageTitle then refines it. */
function PageFrame({ title, children }: { title: string; children: ReactNode }) {
  useLayoutEffect(() => {
    document.title = `${title} · Outtask`;
  }, [title]);
  return <>{children}</>;
}

export function App() {
  return (
    <SessionProvider>
      <ToastProvider>
        <Routes />
      </ToastProvider>
    </SessionProvider>
  );
}
