/**
 * Test fixture: a loopback ONVIF camera (device, media and PTZ services over plain node:http) that
 * the real `onvif` client talks to. It checks the WS-UsernameToken PasswordDigest
 * base64(sha1(nonce + created + password)), refuses a wrong password or a replayed nonce, parses
 * requests with a real XML parser (so an injected element shows), refuses a fractional Timeout as
 * strict cameras do, and stops a ContinuousMove by itself when its Timeout runs out.
 */
import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseStringPromise, processors } from 'xml2js';

export interface PeerCommand {
  action: string;
  at: number;
  x?: number;
  y?: number;
  zoom?: number;
  timeout?: string;
  preset?: string;
  profile?: string;
  username?: string;
}

export interface PeerOptions {
  username: string;
  password: string;
  presets?: { token: string; name: string }[];
  /** Replaces the answer to one action with raw text (hostile-camera tests). */
  override?: (action: string) => string | undefined;
  /** The media profile's token (a hostile camera may put XML in it). */
  profileToken?: string;
  /** A camera with no PTZ configuration in its profile. */
  noPtz?: boolean;
  /** Delay before each answer, in ms. */
  delayMs?: number;
}

export const PROFILE = 'Profile_1';
type Xml = Record<string, unknown[]>;

const envelope = (body: string): string =>
  '<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" ' +
  'xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" ' +
  'xmlns:trt="http://www.onvif.org/ver10/media/wsdl" xmlns:tptz="http://www.onvif.org/ver20/ptz/wsdl" ' +
  `xmlns:ter="http://www.onvif.org/ver10/error"><s:Body>${body}</s:Body></s:Envelope>`;

const fault = (sub: string, reason: string): string =>
  envelope(
    `<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>ter:${sub}</s:Value></s:Subcode></s:Code>` +
      `<s:Reason><s:Text xml:lang="en">${reason}</s:Text></s:Reason></s:Fault>`,
  );

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const text = (n: unknown): string | undefined => {
  const v = Array.isArray(n) ? n[0] : n;
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && '_' in v) return String((v as { _: unknown })._);
  return v === undefined ? undefined : '';
};
const attr = (n: unknown, name: string): string | undefined => {
  const v = (Array.isArray(n) ? n[0] : n) as { $?: Record<string, string> } | undefined;
  return v?.$?.[name];
};
const child = (n: unknown, name: string): Xml | undefined => {
  const v = (Array.isArray(n) ? n[0] : n) as Xml | undefined;
  return v?.[name]?.[0] as Xml | undefined;
};

export class OnvifPeer extends EventEmitter {
  readonly commands: PeerCommand[] = [];
  /** What the camera is doing: null when still. */
  moving: { x: number; y: number; zoom: number } | null = null;
  authFailures = 0;
  private server = http.createServer((req, res) => void this.handle(req, res));
  private nonces = new Set<string>();
  private moveTimer: NodeJS.Timeout | null = null;
  port = 0;

  constructor(private readonly opts: PeerOptions) {
    super();
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/onvif/device_service`;
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    if (this.moveTimer) clearTimeout(this.moveTimer);
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  private authorised(header: Xml | undefined): string | null {
    const token = child(child(header, 'Security'), 'UsernameToken');
    const username = text(token?.Username);
    const digest = text(token?.Password);
    const nonce = text(token?.Nonce);
    const created = text(token?.Created);
    if (!username || !digest || !nonce || !created) return null;
    if (username !== this.opts.username || this.nonces.has(nonce)) return null;
    const expected = crypto
      .createHash('sha1')
      .update(
        Buffer.concat([Buffer.from(nonce, 'base64'), Buffer.from(created), Buffer.from(this.opts.password)]),
      )
      .digest('base64');
    if (expected !== digest) return null;
    this.nonces.add(nonce);
    return username;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const send = async (status: number, xml: string): Promise<void> => {
      if (this.opts.delayMs) await new Promise((r) => setTimeout(r, this.opts.delayMs));
      res.writeHead(status, { 'Content-Type': 'application/soap+xml; charset=utf-8' }).end(xml);
    };
    let doc: { Envelope?: { Header?: Xml[]; Body?: Xml[] } };
    try {
      doc = (await parseStringPromise(Buffer.concat(chunks).toString('utf8'), {
        tagNameProcessors: [processors.stripPrefix],
      })) as typeof doc;
    } catch {
      return send(400, fault('WellFormed', 'XML not well formed'));
    }
    const body = doc.Envelope?.Body?.[0] ?? {};
    const action = Object.keys(body).find((k) => k !== '$') ?? '';
    const args = (body[action]?.[0] ?? {}) as Xml;
    const cmd: PeerCommand = { action, at: performance.now(), profile: text(args.ProfileToken) };
    if (action !== 'GetSystemDateAndTime') {
      const user = this.authorised(doc.Envelope?.Header?.[0]);
      if (!user) {
        this.authFailures++;
        return send(400, fault('NotAuthorized', 'Sender not Authorized'));
      }
      cmd.username = user;
    }
    const raw = this.opts.override?.(action);
    if (raw !== undefined) return send(200, raw);
    const answer = this.answer(action, args, cmd);
    this.commands.push(cmd);
    this.emit('command', cmd);
    return answer.startsWith('FAULT:')
      ? send(400, fault('InvalidArgVal', answer.slice(6)))
      : send(200, envelope(answer));
  }

  private answer(action: string, a: Xml, cmd: PeerCommand): string {
    const base = `http://127.0.0.1:${this.port}/onvif`;
    const ptzAction = ['ContinuousMove', 'Stop', 'GetPresets', 'GotoPreset'].includes(action);
    if (ptzAction && cmd.profile !== (this.opts.profileToken ?? PROFILE)) return 'FAULT:No such profile';
    switch (action) {
      case 'GetSystemDateAndTime': {
        const d = new Date();
        return (
          '<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType>' +
          '<tt:DaylightSavings>false</tt:DaylightSavings><tt:UTCDateTime><tt:Time>' +
          `<tt:Hour>${d.getUTCHours()}</tt:Hour><tt:Minute>${d.getUTCMinutes()}</tt:Minute><tt:Second>${d.getUTCSeconds()}</tt:Second>` +
          `</tt:Time><tt:Date><tt:Year>${d.getUTCFullYear()}</tt:Year><tt:Month>${d.getUTCMonth() + 1}</tt:Month>` +
          `<tt:Day>${d.getUTCDate()}</tt:Day></tt:Date></tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>`
        );
      }
      case 'GetServices':
        return (
          '<tds:GetServicesResponse>' +
          [
            ['http://www.onvif.org/ver10/device/wsdl', 'device_service'],
            ['http://www.onvif.org/ver10/media/wsdl', 'media'],
            ['http://www.onvif.org/ver20/ptz/wsdl', 'ptz'],
          ]
            .map(
              ([ns, p]) =>
                `<tds:Service><tds:Namespace>${ns}</tds:Namespace><tds:XAddr>${base}/${p}</tds:XAddr>` +
                '<tds:Version><tt:Major>2</tt:Major><tt:Minor>5</tt:Minor></tds:Version></tds:Service>',
            )
            .join('') +
          '</tds:GetServicesResponse>'
        );
      case 'GetCapabilities':
        return (
          '<tds:GetCapabilitiesResponse><tds:Capabilities>' +
          `<tt:Device><tt:XAddr>${base}/device_service</tt:XAddr></tt:Device>` +
          `<tt:Media><tt:XAddr>${base}/media</tt:XAddr></tt:Media><tt:PTZ><tt:XAddr>${base}/ptz</tt:XAddr></tt:PTZ>` +
          '</tds:Capabilities></tds:GetCapabilitiesResponse>'
        );
      case 'GetProfiles':
        return (
          `<trt:GetProfilesResponse><trt:Profiles token="${esc(this.opts.profileToken ?? PROFILE)}" fixed="true"><tt:Name>main</tt:Name>` +
          '<tt:VideoSourceConfiguration token="VSC_1"><tt:Name>vsc</tt:Name><tt:UseCount>1</tt:UseCount>' +
          '<tt:SourceToken>VS_1</tt:SourceToken><tt:Bounds x="0" y="0" width="1920" height="1080"/></tt:VideoSourceConfiguration>' +
          '<tt:VideoEncoderConfiguration token="VEC_1"><tt:Name>enc</tt:Name><tt:UseCount>1</tt:UseCount>' +
          '<tt:Encoding>H264</tt:Encoding><tt:Resolution><tt:Width>1920</tt:Width><tt:Height>1080</tt:Height></tt:Resolution>' +
          '</tt:VideoEncoderConfiguration>' +
          (this.opts.noPtz
            ? ''
            : '<tt:PTZConfiguration token="PTZ_1"><tt:Name>ptz</tt:Name><tt:UseCount>1</tt:UseCount>' +
              '<tt:NodeToken>NODE_1</tt:NodeToken><tt:DefaultPTZTimeout>PT5S</tt:DefaultPTZTimeout></tt:PTZConfiguration>') +
          '</trt:Profiles></trt:GetProfilesResponse>'
        );
      case 'GetVideoSources':
        return (
          '<trt:GetVideoSourcesResponse><trt:VideoSources token="VS_1"><tt:Framerate>25</tt:Framerate>' +
          '<tt:Resolution><tt:Width>1920</tt:Width><tt:Height>1080</tt:Height></tt:Resolution></trt:VideoSources>' +
          '</trt:GetVideoSourcesResponse>'
        );
      case 'GetPresets':
        return (
          '<tptz:GetPresetsResponse>' +
          (this.opts.presets ?? [])
            .map(
              (p) => `<tptz:Preset token="${esc(p.token)}"><tt:Name>${esc(p.name)}</tt:Name></tptz:Preset>`,
            )
            .join('') +
          '</tptz:GetPresetsResponse>'
        );
      case 'GotoPreset': {
        cmd.preset = text(a.PresetToken);
        if (!(this.opts.presets ?? []).some((p) => p.token === cmd.preset)) return 'FAULT:No such preset';
        return '<tptz:GotoPresetResponse/>';
      }
      case 'ContinuousMove': {
        const v = child(a, 'Velocity');
        cmd.x = Number(attr(v?.PanTilt, 'x') ?? 0);
        cmd.y = Number(attr(v?.PanTilt, 'y') ?? 0);
        cmd.zoom = Number(attr(v?.Zoom, 'x') ?? 0);
        cmd.timeout = text(a.Timeout);
        const m = /^PT(\d+)S$/.exec(cmd.timeout ?? '');
        if (!m) return 'FAULT:Timeout must be whole seconds';
        this.moving = { x: cmd.x, y: cmd.y, zoom: cmd.zoom };
        if (this.moveTimer) clearTimeout(this.moveTimer);
        this.moveTimer = setTimeout(
          () => {
            this.moving = null;
            this.emit('timeout-stop');
          },
          Number(m[1]) * 1000,
        );
        return '<tptz:ContinuousMoveResponse/>';
      }
      case 'Stop':
        this.moving = null;
        if (this.moveTimer) clearTimeout(this.moveTimer);
        return '<tptz:StopResponse/>';
      default:
        return `FAULT:Action ${action} not implemented`;
    }
  }
}
