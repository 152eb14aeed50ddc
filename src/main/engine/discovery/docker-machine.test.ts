// What counts as an answer from `docker-machine ip`.
import { describe, expect, it } from 'vitest';
import { machineIpFrom } from './docker-machine';

describe('machineIpFrom', () => {
  it('takes one address or host name, trimmed', () => {
    expect(machineIpFrom('192.168.99.100\n')).toBe('192.168.99.100');
    expect(machineIpFrom('  vm.local \n')).toBe('vm.local');
  });

  it('refuses empty output and error text', () => {
    expect(machineIpFrom('')).toBeNull();
    expect(machineIpFrom('Host is not running\n')).toBeNull();
    expect(machineIpFrom('Error: No machine name(s) specified')).toBeNull();
  });
});
