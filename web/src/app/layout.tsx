import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { features } from '@/composition/registry';
import { getViewer } from '@/core/auth/current-user';
import { SiteHeader } from '@/core/layout/site-header';
import { buildNavigation } from '@/core/navigation';
import { KnowledgeGraphIslands } from '@/features/learning/ui/graph/knowledge-graph-islands';
import './globals.css';

// Every page depends on who is signed in, and nothing may be rendered at build time, when the
// run-time settings are absent.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: { default: 'LearnTrac', template: '%s – LearnTrac' },
  description: 'Tickets, wiki and learning paths',
  icons: { icon: '/logo.svg' },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  const navigation = buildNavigation({ features, permissions: viewer.permissions });
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#content">
          Skip to content
        </a>
        <SiteHeader user={viewer.user} navigation={navigation} />
        <main id="content" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>LearnTrac: tickets, wiki and learning paths in the spirit of Trac.</p>
        </footer>
        <KnowledgeGraphIslands />
      </body>
    </html>
  );
}
