/**
 * How the delivery route tells this process's forward worker that a team has new rows, so they go
 * out at once rather than at the next scheduled sweep. Only a hint: the rows are already committed,
 * and the sweep (server/forwarding/forward-job.ts) finds them whoever stored them, on any instance.
 */
type Listener = (teamId: string) => void;
const listeners = new Set<Listener>();

export function onForwardsQueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function forwardsQueued(teamId: string): void {
  for (const listener of listeners) listener(teamId);
}
