/** Waits until `condition` returns a truthy value, checking every `intervalMs`; fails after `timeoutMs`. */
export async function pollUntil<T>(
  condition: () => Promise<T> | T,
  {
    timeoutMs = 10_000,
    intervalMs = 50,
    what = 'condition',
  }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await condition();
    if (last) {
      return last;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(
    `pollUntil: ${what} not met within ${timeoutMs} ms (last value: ${JSON.stringify(last)})`,
  );
}
