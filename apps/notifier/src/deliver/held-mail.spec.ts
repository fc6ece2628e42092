import { HELD_MAIL_CONFIRMED_MS, HeldMail, type HeldMailOptions } from './held-mail';

interface Mail {
  readonly id: string;
}

/** A send the test finishes by hand. */
function manualSends() {
  const pending = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  const send = (mail: Mail) =>
    new Promise<void>((resolve, reject) => pending.set(mail.id, { resolve, reject }));
  return { send, pending };
}

/** HeldMail with a hand-finished `send`, no-op touch and error reports unless given. */
function heldMail(
  overrides: Partial<HeldMailOptions<Mail>> & Pick<HeldMailOptions<Mail>, 'maxHeld'>,
) {
  const { send, pending } = manualSends();
  const held = new HeldMail<Mail>({
    send,
    touch: (ids) => Promise.resolve(ids),
    onError: () => undefined,
    touchEveryMs: 60_000,
    ...overrides,
  });
  return { held, pending };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Lets promise callbacks run (fake timers hold setImmediate back). */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) {
    await Promise.resolve();
  }
}

describe('HeldMail', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('holds up to maxHeld mails, then lets the waiting in together once down to half', async () => {
    const { held, pending } = heldMail({ maxHeld: 4 });
    for (const id of ['a', 'b', 'c', 'd']) {
      await held.hold({ id });
    }
    const letIn: string[] = [];
    const waiting = ['e', 'f'].map((id) => held.hold({ id }).then(() => letIn.push(id)));
    await tick();
    expect(letIn).toEqual([]);
    expect(held.size).toBe(4);

    // One send done: 3 held, more than half of 4; the waiting still wait.
    pending.get('a')?.resolve();
    await tick();
    expect(letIn).toEqual([]);
    // Down to 2: both go in.
    pending.get('b')?.resolve();
    await Promise.all(waiting);
    expect(letIn).toEqual(['e', 'f']);
    expect(held.size).toBe(4);
    expect([...pending.keys()]).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);

    for (const id of ['c', 'd', 'e', 'f']) {
      pending.get(id)?.resolve();
    }
    await held.drain();
    expect(held.size).toBe(0);
  });

  it('touches the rows it holds, and only those, every touchEveryMs', async () => {
    jest.useFakeTimers();
    const touched: string[][] = [];
    const { held, pending } = heldMail({
      touch: (ids) => {
        touched.push([...ids]);
        return Promise.resolve(ids);
      },
      maxHeld: 10,
      touchEveryMs: 5_000,
    });
    await held.hold({ id: 'a' });
    await held.hold({ id: 'b' });
    jest.advanceTimersByTime(4_999);
    expect(touched).toEqual([]);
    jest.advanceTimersByTime(1);
    await settle();
    expect(touched).toEqual([['a', 'b']]);

    pending.get('a')?.resolve();
    await settle();
    jest.advanceTimersByTime(5_000);
    await settle();
    expect(touched).toEqual([['a', 'b'], ['b']]);

    pending.get('b')?.resolve();
    await settle();
    // Nothing held: no statement.
    jest.advanceTimersByTime(5_000);
    await settle();
    expect(touched).toHaveLength(2);
    jest.useRealTimers();
    await held.drain();
  });

  it('reports an attempt that throws and a touch that fails, and keeps going', async () => {
    jest.useFakeTimers();
    const errors: Array<[string, string | null]> = [];
    const { held, pending } = heldMail({
      touch: () => Promise.reject(new Error('database down')),
      onError: (error, mail) => errors.push([(error as Error).message, mail?.id ?? null]),
      maxHeld: 1,
      touchEveryMs: 1_000,
    });
    await held.hold({ id: 'a' });
    jest.advanceTimersByTime(1_000);
    await settle();
    expect(errors).toEqual([['database down', null]]);

    pending.get('a')?.reject(new Error('no route'));
    jest.useRealTimers();
    // The failed attempt frees its place.
    await held.hold({ id: 'b' });
    expect(errors).toEqual([
      ['database down', null],
      ['no route', 'a'],
    ]);
    pending.get('b')?.resolve();
    await held.drain();
  });

  it('drain waits for every held attempt, including one let in while draining', async () => {
    const { held, pending } = heldMail({ maxHeld: 1 });
    await held.hold({ id: 'a' });
    const second = held.hold({ id: 'b' });
    let drained = false;
    const draining = held.drain().then(() => (drained = true));
    pending.get('a')?.resolve();
    await second;
    await tick();
    expect(drained).toBe(false);
    pending.get('b')?.resolve();
    await draining;
    expect(drained).toBe(true);
  });

  it('sends a mail only while its hold is confirmed: by its write, then by touches', async () => {
    jest.useFakeTimers();
    let now = 0;
    let reachable = true;
    const { held, pending } = heldMail({
      touch: (ids) => (reachable ? Promise.resolve(ids) : Promise.reject(new Error('down'))),
      maxHeld: 10,
      touchEveryMs: 5_000,
      now: () => now,
    });
    await held.hold({ id: 'a' });
    expect(held.mayStillSend('a')).toBe(true);
    expect(held.mayStillSend('unknown')).toBe(false);

    // Touched at 5 s: confirmed until 5 s + HELD_MAIL_CONFIRMED_MS.
    now = 5_000;
    jest.advanceTimersByTime(5_000);
    await settle();
    reachable = false;
    for (const at of [10_000, 15_000]) {
      now = at;
      jest.advanceTimersByTime(5_000);
      await settle();
    }
    // The failed touches confirmed nothing: the hold counts from 5 s.
    now = 5_000 + HELD_MAIL_CONFIRMED_MS;
    expect(held.mayStillSend('a')).toBe(true);
    now += 1;
    expect(held.mayStillSend('a')).toBe(false);

    // The database is back: the next touch confirms the hold again.
    reachable = true;
    now = 20_000;
    jest.advanceTimersByTime(5_000);
    await settle();
    expect(held.mayStillSend('a')).toBe(true);
    pending.get('a')?.resolve();
    jest.useRealTimers();
    await held.drain();
  });

  it('gives up a mail that a touch no longer finds its own (taken over meanwhile)', async () => {
    jest.useFakeTimers();
    const { held, pending } = heldMail({
      // Row b was claimed by a DeliverMail job: still `sending`, but at attempt 2.
      touch: (ids) => Promise.resolve(ids.filter((id) => id !== 'b')),
      maxHeld: 10,
      touchEveryMs: 5_000,
      now: () => 0,
    });
    await held.hold({ id: 'a' });
    await held.hold({ id: 'b' });
    jest.advanceTimersByTime(5_000);
    await settle();
    expect(held.mayStillSend('a')).toBe(true);
    expect(held.mayStillSend('b')).toBe(false);
    expect(held.ids()).toEqual(['a', 'b']);
    pending.get('a')?.resolve();
    pending.get('b')?.resolve();
    jest.useRealTimers();
    await held.drain();
    expect(held.ids()).toEqual([]);
  });
});
