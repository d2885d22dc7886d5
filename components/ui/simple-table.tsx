// A plain list table (headers + rows) for short server-side lists; the project grid
// uses the TanStack data table instead.
export function SimpleTable({
  headers,
  children,
  testId,
}: {
  headers: React.ReactNode[];
  children: React.ReactNode;
  testId?: string;
}) {
  // Wider than a phone's screen, it scrolls inside its card, not the page.
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid={testId}>
        <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600">
          <tr>
            {headers.map((h, i) => (
              <th key={i} scope="col" className="px-3 py-2">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
