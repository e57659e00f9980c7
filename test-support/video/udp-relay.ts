/**
 * A loopback UDP relay between a lab publisher and the RTSP server's port, which damages packets
 * on demand: what a camera on a bad link sends. The 12-byte RTP header is left intact, so the
 * relay passes the packets on in order and the damage reaches the depayloader and the decoders.
 */
import dgram from 'node:dgram';

const RTP_HEADER = 12;

export class UdpRelay {
  /** Share of packets damaged (0 = a clean link). */
  corruption = 0;
  damaged = 0;
  private constructor(
    private readonly socket: dgram.Socket,
    readonly port: number,
    private readonly target: number,
  ) {
    socket.on('message', (msg) => this.forward(msg));
    socket.on('error', () => undefined);
  }

  static async open(target: number): Promise<UdpRelay> {
    const socket = dgram.createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, '127.0.0.1', () => resolve());
    });
    return new UdpRelay(socket, socket.address().port, target);
  }

  private forward(msg: Buffer): void {
    if (this.corruption > 0 && msg.length > RTP_HEADER + 8 && Math.random() < this.corruption) {
      this.damaged++;
      // A burst of a few flipped bytes somewhere in the payload, as a bad link leaves.
      const at = RTP_HEADER + Math.floor(Math.random() * (msg.length - RTP_HEADER - 8));
      for (let i = 0; i < 8; i++) msg[at + i] = msg[at + i]! ^ (1 + Math.floor(Math.random() * 255));
    }
    this.socket.send(msg, this.target, '127.0.0.1');
  }

  close(): void {
    this.socket.close();
  }
}
