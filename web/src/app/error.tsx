'use client';

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <>
      <h1>Something went wrong</h1>
      <p className="notice error" role="alert">
        This page could not be shown. The problem has been logged
        {error.digest ? (
          <>
            {' '}
            under reference <code>{error.digest}</code>
          </>
        ) : null}
        .
      </p>
      <button type="button" className="primary" onClick={reset}>
        Try again
      </button>
    </>
  );
}
