import Link from 'next/link';

const LINKS = [
  { href: '/learning/library', label: 'Material library' },
  { href: '/learning/search', label: 'Search the material' },
  { href: '/learning/paths/new', label: 'Build a path' },
] as const;

/** The instructor's screens, one link each; the current one is marked for screen readers too. */
export function InstructorNav(props: { current?: (typeof LINKS)[number]['href'] }) {
  return (
    <nav className="instructor-nav" aria-label="Teaching">
      <ul>
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={link.href === props.current ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
