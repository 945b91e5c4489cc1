/** The worker side of `--jobs`: one page in, its rendered output (or failure) out. */
import { type Job, type Outcome, type Style, decantJob } from './render.js'

export default function work({ job, style }: { job: Job; style: Style }): Outcome {
  return decantJob(job, style)
}
