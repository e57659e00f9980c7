/** A loopback SNTP responder for tests: answers with its clock shifted by `offsetMs`, or not at all. */
import dgram from 'node:dgram';
import { writeTimestamp } from '../../main/app/selftest/sntp';

export interface SntpPeer {
  port: number;
  offsetMs: number;
  silent: boolean;
  close(): Promise<void>;
}

export async function startSntpPeer(offsetMs = 0): Promise<SntpPeer> {
  const sock = dgram.createSocket('udp4');
  const peer: SntpPeer = {
    port: 0,
    offsetMs,
    silent: false,
    close: () => new Promise((r) => sock.close(() => r())),
  };
  sock.on('message', (msg, rinfo) => {
    if (peer.silent || msg.length < 48) return;
    const reply = Buffer.alloc(48);
    reply[0] = (0 << 6) | (4 << 3) | 4; // server
    reply[1] = 2; // stratum
    msg.copy(reply, 24, 40, 48); // originate = client's transmit
    writeTimestamp(reply, 32, Date.now() + peer.offsetMs);
    writeTimestamp(reply, 40, Date.now() + peer.offsetMs);
    sock.send(reply, rinfo.port, rinfo.address);
  });
  await new Promise<void>((r) => sock.bind(0, '127.0.0.1', () => r()));
  peer.port = sock.address().port;
  return peer;
}
