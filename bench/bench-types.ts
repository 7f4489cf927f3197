/**
 * A benchmark compares our code with a reference tool run on the same input in the same run,
 * so figures are ratios that survive a slower or busier machine.
 */
export interface BenchRow {
  /** what was measured, e.g. "import 1 GiB file" */
  name: string
  /** our time, milliseconds */
  oursMs: number
  /** the reference's time on the same input, milliseconds; null when the row is an absolute figure */
  referenceMs: number | null
  /** the reference tool's command, e.g. "cp + sync" */
  reference: string | null
  /** the goal for ours/reference where the issue sets one, e.g. 1.25 */
  goalRatio?: number
  /** extra figures, e.g. events per second */
  extra?: Record<string, number | string>
}

export interface BenchContext {
  /** a scratch folder that the runner removes afterwards */
  tmpDir: string
  /** a smaller workload when BENCH_QUICK=1 (used to smoke-test the bench itself) */
  quick: boolean
  log: (line: string) => void
}

export interface Bench {
  name: string
  run: (ctx: BenchContext) => Promise<BenchRow[]>
}
