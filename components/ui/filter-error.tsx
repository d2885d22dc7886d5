/** The note a list shows when filters in its URL were refused (see lib/pages/filtered-list.ts). */
export function FilterError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className="mb-3 rounded bg-amber-50 px-3 py-2 text-sm text-amber-800" data-testid="filter-error">
      {message}
    </p>
  );
}
