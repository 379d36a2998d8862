/**
 * The placeholder of a section while its figures load: the heading at once, then grey tiles that say
 * (to screen readers) that figures are loading. The shimmer stops when reduced motion is asked for.
 *
 * @param props - `title` of the section and `headingLevel` (2 on the dashboard)
 * @returns the skeleton
 * @example
 * ```tsx
 * <Suspense fallback={<SectionSkeleton title="Family Front Door" />}>…</Suspense>
 * ```
 */
export function SectionSkeleton({ title }: { title: string }) {
  return (
    <section className="dashboard-section" aria-busy="true">
      <h2>{title}</h2>
      <p className="visually-hidden" role="status">
        Loading the {title} figures…
      </p>
      <div className="tiles" aria-hidden="true">
        <div className="skeleton" />
        <div className="skeleton" />
        <div className="skeleton" />
      </div>
    </section>
  );
}
