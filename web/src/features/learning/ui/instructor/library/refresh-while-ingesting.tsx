'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** How often a page with documents still being ingested asks again. */
const POLL_MS = 2_000;

/**
 * Redraws the page from the server every two seconds while `active`, so ingestion status and
 * progress move on their own; the status text sits in a live region for screen readers.
 */
export function RefreshWhileIngesting(props: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!props.active) return;
    const timer = setInterval(() => router.refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [props.active, router]);
  return null;
}
