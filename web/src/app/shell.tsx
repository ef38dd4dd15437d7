/**
 * The frame around every screen: a skip link, the header with the navigation (landmarks,
 * keyboard reachable, the current page marked), the screen itself in <main>, and a footer.
 * Focus moves to <main> on each navigation, so a screen reader starts at the new screen.
 */
import { Suspense, useEffect, useRef } from "react";
import { ErrorBoundary, Loading } from "../ui";
import { NotFoundScreen } from "./not-found-screen";
import { Link, navigate, useLocation } from "./router";
import { HOME_PATH, ROUTES, routeFor } from "./routes";
import type { Session } from "./session-context";

export function Shell({ session }: { session: Session }) {
  const { pathname } = useLocation();
  const route = routeFor(pathname);
  const main = useRef<HTMLElement>(null);
  // The screen shown last: focus moves only when it changes, never at the first render.
  const shown = useRef(pathname);

  useEffect(() => {
    if (pathname === "/") navigate(HOME_PATH, { replace: true });
  }, [pathname]);
  useEffect(() => {
    document.title = `${route?.title ?? "Not found"} · warmpath`;
    if (shown.current === pathname) return;
    // "/" is only a redirect to the home screen: nothing was shown yet.
    if (shown.current !== "/") main.current?.focus();
    shown.current = pathname;
  }, [pathname, route]);

  const Screen = route?.screen;
  const who = session.viewer.name ?? session.viewer.email;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="shell__header">
        <Link to={HOME_PATH} className="shell__brand">
          warmpath
        </Link>
        <nav aria-label="Main" className="shell__nav">
          <ul>
            {ROUTES.map((r) => (
              <li key={r.path}>
                <Link to={r.path} aria-current={r.path === pathname ? "page" : undefined}>
                  {r.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {session.singleUser ? null : (
          <div className="shell__account">
            {who ? <span className="shell__who">{who}</span> : null}
            <button type="button" className="button button--quiet" onClick={session.signOut}>
              Sign out
            </button>
          </div>
        )}
      </header>
      <main id="main" ref={main} tabIndex={-1} className="shell__main">
        <ErrorBoundary resetKey={pathname}>
          <Suspense fallback={<Loading label="Opening…" />}>
            {Screen ? <Screen /> : pathname === "/" ? null : <NotFoundScreen pathname={pathname} />}
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="shell__footer">
        <a href="/graphql">GraphQL explorer</a>
        <span aria-hidden="true"> · </span>
        <span>warmpath keeps your network on this server only.</span>
      </footer>
    </div>
  );
}
