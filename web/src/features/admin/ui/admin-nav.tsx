'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

export interface AdminNavEntry {
  category: string;
  label: string;
  href: string;
}

/** Trac's left-hand list of admin panels, by category, the current one marked. */
export function AdminNav({ panels }: { panels: readonly AdminNavEntry[] }) {
  const pathname = usePathname();
  const categories = [...new Set(panels.map((panel) => panel.category))];
  return (
    <nav className="admin-nav" aria-label="Administration">
      <ul>
        {categories.map((category) => (
          <li key={category}>
            <span className="admin-category">{category}</span>
            <ul>
              {panels
                .filter((panel) => panel.category === category)
                .map((panel) => {
                  const active = pathname === panel.href || pathname.startsWith(`${panel.href}/`);
                  return (
                    <li key={panel.href} className={active ? 'active' : undefined}>
                      <Link href={panel.href} aria-current={active ? 'page' : undefined}>
                        {panel.label}
                      </Link>
                    </li>
                  );
                })}
            </ul>
          </li>
        ))}
      </ul>
    </nav>
  );
}
