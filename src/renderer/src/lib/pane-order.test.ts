import { expect, it } from 'vitest';
import { PaneOrder } from './pane-order';

const names = (cs: { name: string }[]) => cs.map((c) => c.name);

it('keeps a re-created container in its place; new names go last', () => {
  const order = new PaneOrder();
  expect(names(order.place([{ name: 'server' }, { name: 'client' }]))).toEqual([
    'server',
    'client',
  ]);
  // The engine lists by creation: the new server comes after the client.
  expect(names(order.place([{ name: 'client' }]))).toEqual(['client']);
  expect(names(order.place([{ name: 'client' }, { name: 'server' }]))).toEqual([
    'server',
    'client',
  ]);
  expect(names(order.place([{ name: 'client' }, { name: 'web' }, { name: 'server' }]))).toEqual([
    'server',
    'client',
    'web',
  ]);
});
