import { describe, expect, it } from 'vitest';
import { imageReferenceProblem } from './image-reference';

describe('imageReferenceProblem', () => {
  it.each([
    'alpine',
    'alpine:3.20',
    'crosstalk-test:latest',
    'library/busybox:1.36-musl',
    'localhost:5000/team/app:V2',
    'registry.Example.com/app',
    'a__b/c-d.e',
    `busybox@sha256:${'a'.repeat(64)}`,
  ])('accepts %s', (ref) => expect(imageReferenceProblem(ref)).toBeNull());

  it('calls uppercase names invalid, not missing', () => {
    expect(imageReferenceProblem('Crosstalk-Test:latest')).toMatch(/lowercase/);
    expect(imageReferenceProblem('team/App')).toMatch(/lowercase/);
  });

  it.each([
    'has space',
    '-leading',
    'trailing-',
    'a::b',
    'a:',
    ':tag',
    'a/',
    'a//b',
    'a@sha256:12',
  ])('refuses %j with a reason', (ref) =>
    expect(imageReferenceProblem(ref)).toMatch(/image reference|no spaces/),
  );

  it('limits the name to 255 characters', () => {
    expect(imageReferenceProblem('a'.repeat(256))).toMatch(/at most 255/);
  });
});
