'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { NavigationEntry } from '@/core/feature';
import { findActiveEntry } from '@/core/navigation';

/** The main tabs; a client component only to know the current path for the active tab. */
export function MainNav({ entries }: { entries: NavigationEntry[] }) {
  const active = findActiveEntry(entries, usePathname());
  return (
    <nav className="mainnav" aria-label="Main">
      <ul>
        {entries.map((entry) => (
          <li key={entry.href} className={entry === active ? 'active' : undefined}>
            <Link href={entry.href} aria-current={entry === active ? 'page' : undefined}>
              {entry.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
