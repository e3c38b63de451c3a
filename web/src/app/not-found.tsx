import Link from 'next/link';

export default function NotFound() {
  return (
    <>
      <h1>Not found</h1>
      <p className="notice">
        There is nothing at this address. Try the <Link href="/search">search</Link> or the{' '}
        <Link href="/wiki">wiki</Link>.
      </p>
    </>
  );
}
