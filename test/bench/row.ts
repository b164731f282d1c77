/** One line of the benchmark table (BENCHMARKS.md). */
export interface BenchRow {
  figure: string;
  /** What was measured and against which baseline. */
  how: string;
  result: string;
  target: string;
  /** Undefined for figures that are reported, not judged (memory). */
  met: boolean | undefined;
  /**
   * Why this figure can miss its target and what would fix it, from investigating it; printed
   * under "Targets missed" in a run where it does.
   */
  ifMissed?: string;
}
