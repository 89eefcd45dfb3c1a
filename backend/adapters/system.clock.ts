import { HOUR_MS } from '@core/time'
import type { Clock } from '../ports/clock'

/** The machine's clock, which the local server can move forward for demos and tests. */
export class AdjustableClock implements Clock {
  private offsetMs = 0

  now(): number {
    return Date.now() + this.offsetMs
  }

  advanceHours(hours: number): void {
    this.offsetMs += hours * HOUR_MS
  }

  get offsetHours(): number {
    return this.offsetMs / HOUR_MS
  }
}
