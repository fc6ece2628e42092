import { SendSlots } from './send-slots';

describe('SendSlots', () => {
  it('runs at most `size` pieces of work at once and all of them in the end', async () => {
    const sut = new SendSlots(3);
    let running = 0;
    let peak = 0;
    const releases: Array<() => void> = [];
    const work = () =>
      sut.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running -= 1;
      });
    const all = Array.from({ length: 10 }, work);
    for (let done = 0; done < 10; done++) {
      await Promise.resolve();
      await new Promise((resolve) => setImmediate(resolve));
      expect(running).toBeLessThanOrEqual(3);
      releases.shift()?.();
    }
    await Promise.all(all);
    expect(peak).toBe(3);
    expect(running).toBe(0);
  });

  it('frees the slot when the work throws', async () => {
    const sut = new SendSlots(1);
    await expect(sut.run(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(sut.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
