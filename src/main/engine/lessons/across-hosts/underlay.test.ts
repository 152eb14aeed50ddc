import { describe, expect, it } from 'vitest';
import { parseIpAddr, underlayPair } from './underlay';

// `ip -o -4 addr show` on the two lab nodes (busybox), and on a host with docker0 and a LAN.
const node1 = [
  '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever',
  '2: eth0@if3    inet 10.212.0.1/24 scope global eth0\\       valid_lft forever preferred_lft forever',
  '4: docker0    inet 10.212.1.1/24 brd 10.212.1.255 scope global docker0\\       valid_lft forever',
  '9: docker_gwbridge    inet 10.212.16.1/24 scope global docker_gwbridge\\       valid_lft forever',
].join('\n');
const node2 = [
  '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever',
  '2: eth0@if2    inet 10.212.0.2/24 scope global eth0\\       valid_lft forever preferred_lft forever',
  '4: docker0    inet 10.212.2.1/24 scope global docker0\\       valid_lft forever',
].join('\n');

describe('the underlay between two hosts', () => {
  it('keeps the interfaces hosts talk on, not loopback or the engine’s bridges', () => {
    expect(parseIpAddr(node1)).toEqual([{ device: 'eth0', ip: '10.212.0.1', prefix: 24 }]);
  });

  it('pairs the addresses that share a subnet', () => {
    const lan = parseIpAddr('3: wlan0    inet 192.168.1.20/24 scope global wlan0');
    const pair = underlayPair([...lan, ...parseIpAddr(node1)], parseIpAddr(node2));
    expect(pair).toEqual({
      a: { device: 'eth0', ip: '10.212.0.1', prefix: 24 },
      b: { device: 'eth0', ip: '10.212.0.2', prefix: 24 },
    });
    expect(underlayPair(lan, parseIpAddr(node2))).toBeNull();
  });
});
