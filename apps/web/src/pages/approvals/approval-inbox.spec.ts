/** @jest-environment node */
import {
  ageLabel,
  ageTone,
  focusAfterDecision,
  kindFilter,
  returnReason,
  stepFocus,
  tabOf,
} from './approval-inbox';

describe('approval inbox', () => {
  it('reads the tab from ?kind= and asks the api for that kind only', () => {
    expect(tabOf('completion')).toBe('completion');
    expect(tabOf('extension')).toBe('extension');
    expect(tabOf(null)).toBe('all');
    expect(tabOf('leave')).toBe('all');
    expect(kindFilter('all')).toBeUndefined();
    expect(kindFilter('extension')).toBe('extension');
  });

  it('says how long an item waited and marks it from three days, red from a week', () => {
    expect(ageLabel(0)).toBe('今天提交');
    expect(ageLabel(1)).toBe('已等 1 天');
    expect(ageLabel(12)).toBe('已等 12 天');
    expect([0, 2, 3, 6, 7, 30].map(ageTone)).toEqual([
      'default',
      'default',
      'warning',
      'warning',
      'error',
      'error',
    ]);
  });

  it('moves the keyboard to the next item after a decision, or back from the last', () => {
    expect(focusAfterDecision(['a', 'b', 'c'], 'a')).toBe('b');
    expect(focusAfterDecision(['a', 'b', 'c'], 'b')).toBe('c');
    expect(focusAfterDecision(['a', 'b', 'c'], 'c')).toBe('b');
    expect(focusAfterDecision(['a'], 'a')).toBeNull();
    // Decided elsewhere and already gone from the list: the top of the queue.
    expect(focusAfterDecision(['b', 'c'], 'a')).toBe('b');
    expect(focusAfterDecision([], 'a')).toBeNull();
  });

  it('steps between items with the arrow keys, Home and End, and stops at the ends', () => {
    expect(stepFocus(3, 0, 'ArrowDown')).toBe(1);
    expect(stepFocus(3, 2, 'ArrowDown')).toBe(2);
    expect(stepFocus(3, 0, 'ArrowUp')).toBe(0);
    expect(stepFocus(3, 2, 'Home')).toBe(0);
    expect(stepFocus(3, 0, 'End')).toBe(2);
    expect(stepFocus(3, 1, 'Enter')).toBeNull();
    expect(stepFocus(0, 0, 'ArrowDown')).toBeNull();
  });

  it('sends a trimmed reason and refuses a blank one', () => {
    expect(returnReason('  佐证材料不全 \n')).toBe('佐证材料不全');
    expect(returnReason(' \n ')).toBeNull();
  });
});
