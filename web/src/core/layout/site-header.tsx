import Link from 'next/link';
import type { CurrentUser } from '@/core/auth/current-user';
import type { NavigationEntry } from '@/core/feature';
import { MainNav } from './main-nav';

export function SiteHeader(props: { user: CurrentUser | null; navigation: NavigationEntry[] }) {
  const { user, navigation } = props;
  return (
    <header className="site-header">
      <div className="banner">
        <Link href="/" className="logo">
          {/* biome-ignore lint/performance/noImgElement: a tiny static SVG needs no optimiser */}
          <img src="/logo.svg" alt="" width={36} height={36} />
          <span>LearnTrac</span>
        </Link>
        <nav className="metanav" aria-label="Account">
          <ul>
            {user ? (
              <>
                <li>
                  signed in as <strong>{user.name ?? user.email ?? user.id}</strong>
                  {user.groups.length > 0 && (
                    <span className="groups"> ({user.groups.join(', ')})</span>
                  )}
                </li>
                <li>
                  <form action="/auth/sign-out" method="post">
                    <button type="submit" className="link-button">
                      Sign out
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <li>
                <Link href="/login">Sign in</Link>
              </li>
            )}
          </ul>
        </nav>
      </div>
      <MainNav entries={navigation} />
    </header>
  );
}
