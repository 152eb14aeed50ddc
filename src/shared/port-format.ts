// A published port as the panes show it (`127.0.0.1:8080→80/tcp`). Apart from port-spec.ts,
// whose parser needs the IP parser (ip-address.ts): the first screen shows ports, not the form.
export function formatPort(p: {
  hostIp: string;
  hostPort: number;
  containerPort: number;
  protocol: string;
}): string {
  const ip =
    p.hostIp && p.hostIp !== '0.0.0.0' && p.hostIp !== '::'
      ? `${p.hostIp.includes(':') ? `[${p.hostIp}]` : p.hostIp}:`
      : '';
  return `${ip}${p.hostPort}→${p.containerPort}/${p.protocol}`;
}
