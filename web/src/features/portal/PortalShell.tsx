/**
 * The out-tasker's frame: a plain top bar (the firm's workspace, their work, their statements, sign
 * out) and nothing of the firm's method — the portal is a separate, simple view.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import { Link, useLocation } from '../../app/router.tsx';
import { useMe, useSession } from '../../app/session.tsx';
import { BrandMark } from '../../ui/BrandMark.tsx';

const LINKS = [
  { to: '/portal', label: 'Your work' },
  { to: '/portal/statements', label: 'Statements' },
];

export function PortalShell({ children }: { children: ReactNode }) {
  const me = useMe();
  const { signOut } = useSession();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  // A new page moves focus to the content, for keyboard and screen-reader users.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change only
  useEffect(() => {
    main.current?.focus({ preventScroll: true });
  }, [pathname]);
  const active = pathname.startsWith('/portal/statements') ? '/portal/statements' : '/portal';
  return (
    <div className="portal">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="portal-bar">
        <Link to="/portal" className="brand">
          <BrandMark size={22} />
          Outtask
        </Link>
        <span className="portal-firm">{me.workspace.name} · out-tasker portal</span>
        <nav aria-label="Portal" className="portal-nav">
          {LINKS.map((l) => (
            <Link
              key={l.to}
              to={l.to}
              className={l.to === active ? 'portal-link active' : 'portal-link'}
              aria-current={l.to === active ? 'page' : undefined}
            >
              {l.label}
            </Link>
          ))}
        </nav>
        <div className="topbar-spacer" />
        <span className="portal-user">{me.user.name}</span>
        <button type="button" className="btn btn-small" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <main id="main" className="portal-main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
