// The autosave engine (renderer/src/saveQueue.ts): every change reaches the core within about a second,
// in the user's order, and a failed save is kept and retried — never lost.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSaveQueue, SAVE_DELAY_MS, SAVE_MAX_WAIT_MS, type SaveState } from '../../renderer/src/saveQueue.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup() {
  const states: SaveState[] = [];
  const sent: string[] = [];
  const queue = createSaveQueue((s) => states.push(s));
  const sender =
    (label: string, fail = false) =>
    async () => {
      if (fail) throw new Error(`cannot save ${label}`);
      sent.push(label);
    };
  return { queue, sent, states, sender };
}

describe('save queue', () => {
  it('coalesces keystrokes on one key into one save of the latest value', async () => {
    const { queue, sent } = setup();
    let value = '';
    const send = async () => void sent.push(value);
    for (const ch of '吴𠮷喆') {
      value += ch;
      queue.schedule('profile', send);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    expect(sent).toEqual(['吴𠮷喆']);
    expect(queue.getState().kind).toBe('saved');
  });

  it('saves at least every second while typing goes on', async () => {
    const { queue, sent, sender } = setup();
    for (let t = 0; t < SAVE_MAX_WAIT_MS + 200; t += 100) {
      queue.schedule('summary', sender(`t${t}`));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(sent.length).toBeGreaterThanOrEqual(1);
  });

  it('sends pending edits before a structural operation, in the user order', async () => {
    const { queue, sent, sender } = setup();
    queue.schedule('works.a', sender('edit a'));
    queue.runNow(sender('move a'));
    await vi.runAllTimersAsync();
    expect(sent).toEqual(['edit a', 'move a']);
  });

  it('keeps a failed save, shows the error, and retries it', async () => {
    const { queue, sent } = setup();
    let fail = true;
    queue.schedule('unit', async () => {
      if (fail) throw new Error('disk full');
      sent.push('unit');
    });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);
    expect(queue.getState()).toMatchObject({ kind: 'error', error: { message: { zh: 'disk full' } } });
    fail = false;
    queue.retry();
    await vi.runAllTimersAsync();
    expect(sent).toEqual(['unit']);
    expect(queue.getState().kind).toBe('saved');
  });

  it('drain() resolves once everything pending has been sent', async () => {
    const { queue, sent, sender } = setup();
    queue.schedule('a', sender('a'));
    queue.schedule('b', sender('b'));
    const drained = queue.drain();
    await vi.runAllTimersAsync();
    await drained;
    expect(sent.sort()).toEqual(['a', 'b']);
  });
});
