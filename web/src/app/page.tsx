import { redirect } from 'next/navigation';

/** As in Trac, the front page is the wiki's start page. */
export default function HomePage() {
  redirect('/wiki');
}
