import { MultiBar, Presets } from 'cli-progress'

/**
 * A progress bar on stderr (count, pages/s, ETA) for batches on a terminal.
 * The total grows while WARC files and JSON lines are still being read, so
 * the ETA is a guess until the last input has been seen.
 */
export class Progress {
  private readonly bars: MultiBar
  private readonly bar: ReturnType<MultiBar['create']>
  private readonly started = Date.now()
  private done = 0

  /** `total`: the pages known up front; WARC records and JSON lines are added as they are read. */
  constructor(private total: number) {
    this.bars = new MultiBar(
      {
        stream: process.stderr,
        format: '{bar} {value}/{total} pages | {rate} pages/s | ETA {eta_formatted}',
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
      },
      Presets.shades_classic,
    )
    this.bar = this.bars.create(total, 0, { rate: '0.0' })
    // The bar redraws on a timer; a batch that ends before the first tick would show nothing at all.
    this.bars.update()
  }

  added(): void {
    this.bar.setTotal(++this.total)
  }

  finished(): void {
    this.done++
    const seconds = (Date.now() - this.started) / 1000
    this.bar.update(this.done, { rate: seconds > 0 ? (this.done / seconds).toFixed(1) : '0.0' })
  }

  /** A line above the bar (an error), so that the bar does not overwrite it. */
  log(line: string): void {
    this.bars.log(line)
  }

  stop(): void {
    this.bars.stop()
  }
}
