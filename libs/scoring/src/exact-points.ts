/**
 * Scores are summed in integer hundredths of a point, so 80 − 0.1 − 0.1 − 0.1 is 79.70 exactly,
 * with no binary-fraction drift; values leave the library as numbers with at most two decimals.
 */
export function toHundredths(points: number): number {
  return Math.round(points * 100);
}

export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

/** Share factors (credit, decay) are exact to the ten-thousandth. */
export function toTenThousandths(factor: number): number {
  return Math.round(factor * 10_000);
}

/** The presentation form of a score or delta, e.g. `79.70`, `-2.50`, `+0.50` with `signed`. */
export function formatPoints(points: number, options: { signed?: boolean } = {}): string {
  const text = (Math.round(points * 100) / 100).toFixed(2);
  return options.signed === true && points > 0 ? `+${text}` : text;
}
