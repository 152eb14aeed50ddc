import { describe, expect, it } from 'vitest';
import { findImage, shortImageRef } from './image-ref';

describe('image references across engines', () => {
  it('reads Podman’s qualified names as the short ones people type', () => {
    expect(shortImageRef('localhost/crosstalk-test:latest')).toBe('crosstalk-test:latest');
    expect(shortImageRef('docker.io/library/busybox:latest')).toBe('busybox:latest');
    expect(shortImageRef('busybox')).toBe('busybox:latest');
    expect(shortImageRef('127.0.0.1:5000/big:1')).toBe('127.0.0.1:5000/big:1');
    expect(shortImageRef('127.0.0.1:5000/big')).toBe('127.0.0.1:5000/big:latest');
  });
  it('finds a lab image under localhost/ on Podman, and exactly on Docker', () => {
    const podman = ['docker.io/library/busybox:latest', 'localhost/crosstalk-test:latest'];
    expect(findImage(podman, 'crosstalk-test:latest')).toBe('localhost/crosstalk-test:latest');
    expect(findImage(podman, 'busybox')).toBe('docker.io/library/busybox:latest');
    expect(findImage(['crosstalk-test:latest'], 'crosstalk-test:latest')).toBe(
      'crosstalk-test:latest',
    );
    expect(findImage(podman, 'alpine:latest')).toBeUndefined();
  });
});
