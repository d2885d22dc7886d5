import type { ProjectReferenceData } from "@/lib/reference/queries";

/** A chain's links as a <select>'s options, one group per chain (the grid's filter, the project form). */
export function ChainLinkOptions({ chains }: { chains: ProjectReferenceData["chains"] }) {
  return chains.map((c) => (
    <optgroup key={c.id} label={c.label}>
      {c.links.map((l) => (
        <option key={l.id} value={l.id}>
          {l.label}
        </option>
      ))}
    </optgroup>
  ));
}
