// What `log verify` reports: every problem found, each with the stable code naming what broke.
import type { ErrorCode } from '../../shared/errors/error-codes';

export interface VerifyProblem {
  code: ErrorCode;
  message: string;
  seq?: number;
}

/** Collects problems, keeping the report readable when a whole table was rewritten. */
export class ProblemList {
  readonly items: VerifyProblem[] = [];
  private readonly perCode = new Map<string, number>();
  constructor(private readonly maxPerCode = 20) {}

  add(problem: VerifyProblem): void {
    const n = (this.perCode.get(problem.code) ?? 0) + 1;
    this.perCode.set(problem.code, n);
    if (n <= this.maxPerCode) this.items.push(problem);
    else if (n === this.maxPerCode + 1) this.items.push({ code: problem.code, message: `further ${problem.code} problems not listed` });
  }

  get ok(): boolean {
    return this.items.length === 0;
  }
}
