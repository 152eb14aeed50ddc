// Ownership: everything Crosstalk creates carries these labels, and clean-up
// only ever selects on them.
export const OWNED_LABEL = 'io.crosstalk.owned';
export const LAB_LABEL = 'io.crosstalk.lab';

export function ownershipLabels(labId?: string): Record<string, string> {
  return labId ? { [OWNED_LABEL]: 'true', [LAB_LABEL]: labId } : { [OWNED_LABEL]: 'true' };
}

export function isOwned(labels: Record<string, string> | null | undefined): boolean {
  return labels?.[OWNED_LABEL] === 'true';
}

export function labOf(labels: Record<string, string> | null | undefined): string | null {
  return labels?.[LAB_LABEL] ?? null;
}

/** An engine list filter selecting owned resources, optionally of one lab. */
export function ownedFilter(labId?: string): { label: string[] } {
  return {
    label: labId ? [`${OWNED_LABEL}=true`, `${LAB_LABEL}=${labId}`] : [`${OWNED_LABEL}=true`],
  };
}
