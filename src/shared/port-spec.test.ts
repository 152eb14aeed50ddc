import { describe, expect, it } from 'vitest';
import { formatPort, parsePortSpec, parsePortSpecs } from './port-spec';

describe('parsePortSpec', () => {
  it('reads the forms of docker run -p', () => {
    expect(parsePortSpec('1234')).toEqual({
      hostIp: '',
      hostPort: 1234,
      containerPort: 1234,
      protocol: 'tcp',
    });
    expect(parsePortSpec('8080:80')).toEqual({
      hostIp: '',
      hostPort: 8080,
      containerPort: 80,
      protocol: 'tcp',
    });
    expect(parsePortSpec('127.0.0.1:1234:1234/udp')).toEqual({
      hostIp: '127.0.0.1',
      hostPort: 1234,
      containerPort: 1234,
      protocol: 'udp',
    });
    expect(parsePortSpec('[::1]:53:53')).toEqual({
      hostIp: '::1',
      hostPort: 53,
      containerPort: 53,
      protocol: 'tcp',
    });
  });
  it('rejects ports outside 1–65535, bad addresses and protocols', () => {
    expect(() => parsePortSpec('0:80')).toThrow(/1 to 65535/);
    expect(() => parsePortSpec('70000')).toThrow(/1 to 65535/);
    expect(() => parsePortSpec('abc')).toThrow(/1 to 65535/);
    expect(() => parsePortSpec('300.1.1.1:80:80')).toThrow(/not an IPv4 address/);
    expect(() => parsePortSpec('80/icmp')).toThrow(/tcp, udp or sctp/);
    expect(() => parsePortSpec('1:2:3:4')).toThrow(/hostPort:containerPort/);
    expect(() => parsePortSpec('[dead]:8080:80')).toThrow(/not an IPv6 address/);
    expect(() => parsePortSpec('[::::]:8080:80')).toThrow(/not an IPv6 address/);
    expect(() => parsePortSpec('[1.2.3.4]:8080:80')).toThrow(/not an IPv6 address/);
    expect(() => parsePortSpec('dead:8080:80')).toThrow(/not an IPv4 address/);
  });
  it('splits lists on commas and spaces', () => {
    expect(parsePortSpecs(' 1234:1234, 127.0.0.1:80:80 ').map((p) => p.hostPort)).toEqual([
      1234, 80,
    ]);
    expect(parsePortSpecs('')).toEqual([]);
  });
  it('formats host-limited ports with their address', () => {
    expect(
      formatPort({ hostIp: '127.0.0.1', hostPort: 1234, containerPort: 1234, protocol: 'tcp' }),
    ).toBe('127.0.0.1:1234→1234/tcp');
    expect(
      formatPort({ hostIp: '0.0.0.0', hostPort: 80, containerPort: 8080, protocol: 'tcp' }),
    ).toBe('80→8080/tcp');
  });
});
