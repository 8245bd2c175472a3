/**
 * The signed-in frame: a top bar with the workspace and the user menu, and the navigation by the
 * method's six steps, built from the page registry (a step without pages shows no links).
 */
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { BrandMark } from '../ui/BrandMark.tsx';
import { Link, useLocation } from './router.tsx';
import { PAGES } from './routes.tsx';
import { useMe, useSession } from './session.tsx';
import { METHOD_STEPS } from './steps.ts';
import './shell.css';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** The nav link for the current path: the one whose path is the longest prefix of it. */
function activeNavPath(pathname: string): string | null {
  let best: string | null = null;
  for (const p of PAGES) {
    if (!p.nav) continue;
    if (pathname === p.path || pathname.startsWith(`${p.path}/`)) {
      if (!best || p.path.length > best.length) best = p.path;
    }
  }
  return best;
}

function StepNav({ onNavigate }: { onNavigate?: () => void }) {
  const { pathname } = useLocation();
  const active = activeNavPath(pathname);
  const byStep = useMemo(
    () =>
      METHOD_STEPS.map((step) => ({
        step,
        pages: PAGES.filter((p) => p.nav?.step === step.id).sort((a, b) => a.nav!.order - b.nav!.order),
      })),
    [],
  );
  return (
    <nav className="steps" aria-label="The method, step by step">
      <ol>
        {byStep.map(({ step, pages }) => (
          <li key={step.id} className={pages.length ? 'step' : 'step step-later'}>
            <div className="step-head" title={step.hint}>
              <span className="step-num" aria-hidden="true">
                {step.number}
              </span>
              <span className="step-name">{step.name}</span>
            </div>
            {pages.length ? (
              <ul className="step-links">
                {pages.map((p) => (
                  <li key={p.path}>
                    <Link
                      to={p.path}
                      className={p.path === active ? 'nav-link active' : 'nav-link'}
                      aria-current={p.path === active ? 'page' : undefined}
                      onClick={onNavigate}
                    >
                      {p.nav!.label}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <div className="step-hint">{step.hint}</div>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function UserMenu() {
  const me = useMe();
  const { signOut } = useSession();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={box}>
      <button
        ref={button}
        type="button"
        className="user-button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(me.user.name)}
        </span>
        <span className="user-name">{me.user.name}</span>
        <span className="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open ? (
        <div className="menu" role="menu">
          <div className="menu-who">
            <div className="menu-name">{me.user.name}</div>
            <div className="menu-email">{me.user.email}</div>
            <div className="menu-role">
              {me.role === 'owner' ? 'Owner' : me.role === 'staff' ? 'Staff' : 'Out-tasker'} of{' '}
              {me.workspace.name}
            </div>
          </div>
          <Link role="menuitem" className="menu-item" to="/team" onClick={() => setOpen(false)}>
            Team and settings
          </Link>
          <a role="menuitem" className="menu-item" href="/api/docs" target="_blank" rel="noreferrer">
            API reference
          </a>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            // biome-ignore lint/a11y/noAutofocus: an opened menu moves focus to its item (WAI-ARIA menu pattern)
            autoFocus
            onClick={() => {
              setOpen(false);
              void signOut();
            }}
          >
            Sign out
          </button>
        </div>
      ) : null}
    </div>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const me = useMe();
  const [navOpen, setNavOpen] = useState(false);
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);

  // A new page: close the drawer and move focus to the content for keyboard and screen-reader users.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path change only
  useEffect(() => {
    setNavOpen(false);
    main.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <div className={navOpen ? 'shell nav-open' : 'shell'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button
          type="button"
          className="icon-btn nav-toggle"
          aria-label={navOpen ? 'Close navigation' : 'Open navigation'}
          aria-expanded={navOpen}
          onClick={() => setNavOpen((o) => !o)}
        >
          ☰
        </button>
        <Link to="/" className="brand">
          <BrandMark size={22} />
          Outtask
        </Link>
        <span className="workspace-name" title="Workspace">
          {me.workspace.name}
        </span>
        <div className="topbar-spacer" />
        <UserMenu />
      </header>
      <aside className="sidebar">
        <StepNav onNavigate={() => setNavOpen(false)} />
      </aside>
      {navOpen ? (
        <button
          type="button"
          className="scrim"
          aria-label="Close navigation"
          onClick={() => setNavOpen(false)}
        />
      ) : null}
      <main id="main" className="main" ref={main} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
