import { describe, expect, it } from 'vitest';
import { FlowControl, HIGH_WATERMARK, LOW_WATERMARK } from './flow-control';

function harness() {
  const calls: string[] = [];
  const flow = new FlowControl(
    () => calls.push('pause'),
    () => calls.push('resume'),
  );
  return { flow, calls };
}

describe('FlowControl', () => {
  it('pauses once above the high watermark and resumes only below the low one', () => {
    const { flow, calls } = harness();
    flow.sent(HIGH_WATERMARK);
    expect(calls).toEqual([]);
    flow.sent(1);
    flow.sent(50_000);
    expect(calls).toEqual(['pause']);
    flow.acked(HIGH_WATERMARK + 50_001 - LOW_WATERMARK);
    expect(calls).toEqual(['pause']);
    expect(flow.isPaused).toBe(true);
    flow.acked(1);
    expect(calls).toEqual(['pause', 'resume']);
    expect(flow.pending).toBe(LOW_WATERMARK - 1);
  });

  it('never counts below zero on excess acks', () => {
    const { flow } = harness();
    flow.sent(10);
    flow.acked(1_000_000);
    expect(flow.pending).toBe(0);
  });

  it('reset resumes a paused stream', () => {
    const { flow, calls } = harness();
    flow.sent(HIGH_WATERMARK + 1);
    flow.reset();
    expect(calls).toEqual(['pause', 'resume']);
    expect(flow.pending).toBe(0);
  });
});
