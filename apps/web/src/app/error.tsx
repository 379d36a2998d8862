"use client";

/**
 * Shown when a page cannot be built (for example the reporting service is down). It never shows the
 * error's details; the digest lets support find it in the server log.
 *
 * @param props - the `error` (only its digest is shown) and `reset` to try again
 * @returns the error page
 */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <>
      <h1>Sorry, there is a problem with the service</h1>
      <p>The figures could not be loaded. Try again in a minute.</p>
      {error.digest === undefined ? null : <p className="hint">Reference: {error.digest}</p>}
      <button type="button" onClick={() => reset()}>
        Try again
      </button>
    </>
  );
}
