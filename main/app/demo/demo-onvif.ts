/**
 * The demo PTZ camera's ONVIF answers (device, media and PTZ services), enough for the product's
 * own ONVIF client: connect, ContinuousMove, Stop, GetStatus, GetPresets, GotoPreset. Requests are
 * read with a few bounded patterns, never evaluated; anything else is a SOAP fault. Demo only: it
 * asks for no credentials, and listens on loopback behind an unguessable path.
 */
import type { DemoHead, Pose } from './demo-head';

export const DEMO_PROFILE = 'DemoProfile';

/** The demo presets: a newcomer can recall a view, as on a real camera. */
export const DEMO_PRESETS: { token: string; name: string; pose: Pose }[] = [
  { token: '1', name: 'Vue générale', pose: { pan: 0, tilt: 0, zoom: 0 } },
  { token: '2', name: 'Angle nord-ouest', pose: { pan: -1, tilt: 1, zoom: 0.5 } },
  { token: '3', name: 'Angle sud-est', pose: { pan: 1, tilt: -1, zoom: 0.5 } },
];

const envelope = (body: string): string =>
  '<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" ' +
  'xmlns:tt="http://www.onvif.org/ver10/schema" xmlns:tds="http://www.onvif.org/ver10/device/wsdl" ' +
  'xmlns:trt="http://www.onvif.org/ver10/media/wsdl" xmlns:tptz="http://www.onvif.org/ver20/ptz/wsdl" ' +
  `xmlns:ter="http://www.onvif.org/ver10/error"><s:Body>${body}</s:Body></s:Envelope>`;

export const soapFault = (reason: string): string =>
  envelope(
    '<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>ter:InvalidArgVal</s:Value>' +
      `</s:Subcode></s:Code><s:Reason><s:Text xml:lang="en">${reason}</s:Text></s:Reason></s:Fault>`,
  );

/** The first element of the SOAP body: the action. */
export function actionOf(xml: string): string | null {
  const m = /<(?:[\w.-]+:)?Body(?:\s[^>]*)?>\s*<(?:[\w.-]+:)?([A-Za-z]{1,40})[\s/>]/.exec(xml);
  return m ? m[1]! : null;
}

const number = (s: string | undefined): number => {
  const v = s === undefined ? 0 : Number(s);
  return Number.isFinite(v) ? v : 0;
};
const attrOf = (tag: string | undefined, name: string): string | undefined =>
  tag ? new RegExp(`\\s${name}="([^"]{0,32})"`).exec(tag)?.[1] : undefined;
const tagOf = (xml: string, name: string): string | undefined =>
  new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]{0,400})?/?>`).exec(xml)?.[0];
const textOf = (xml: string, name: string): string | undefined =>
  new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]{0,400})?>([^<]{0,64})<`).exec(xml)?.[1];

/** ContinuousMove's velocity and its Timeout (ms); null when the Timeout is not whole seconds. */
export function moveOf(xml: string): { v: Pose; timeoutMs: number } | null {
  const pt = tagOf(xml, 'PanTilt');
  const z = tagOf(xml, 'Zoom');
  const v = { pan: number(attrOf(pt, 'x')), tilt: number(attrOf(pt, 'y')), zoom: number(attrOf(z, 'x')) };
  const t = textOf(xml, 'Timeout');
  if (t === undefined) return { v, timeoutMs: 10_000 };
  const m = /^PT(\d{1,4})S$/.exec(t.trim());
  return m ? { v, timeoutMs: Number(m[1]) * 1000 } : null;
}

function dateTime(): string {
  const d = new Date();
  return (
    '<tds:GetSystemDateAndTimeResponse><tds:SystemDateAndTime><tt:DateTimeType>NTP</tt:DateTimeType>' +
    '<tt:DaylightSavings>false</tt:DaylightSavings><tt:UTCDateTime><tt:Time>' +
    `<tt:Hour>${d.getUTCHours()}</tt:Hour><tt:Minute>${d.getUTCMinutes()}</tt:Minute><tt:Second>${d.getUTCSeconds()}</tt:Second>` +
    `</tt:Time><tt:Date><tt:Year>${d.getUTCFullYear()}</tt:Year><tt:Month>${d.getUTCMonth() + 1}</tt:Month>` +
    `<tt:Day>${d.getUTCDate()}</tt:Day></tt:Date></tt:UTCDateTime></tds:SystemDateAndTime></tds:GetSystemDateAndTimeResponse>`
  );
}

const SERVICES: [string, string][] = [
  ['http://www.onvif.org/ver10/device/wsdl', 'device_service'],
  ['http://www.onvif.org/ver10/media/wsdl', 'media'],
  ['http://www.onvif.org/ver20/ptz/wsdl', 'ptz'],
];

const PROFILES =
  `<trt:GetProfilesResponse><trt:Profiles token="${DEMO_PROFILE}" fixed="true"><tt:Name>demo</tt:Name>` +
  '<tt:VideoSourceConfiguration token="VSC_1"><tt:Name>vsc</tt:Name><tt:UseCount>1</tt:UseCount>' +
  '<tt:SourceToken>VS_1</tt:SourceToken><tt:Bounds x="0" y="0" width="640" height="360"/></tt:VideoSourceConfiguration>' +
  '<tt:VideoEncoderConfiguration token="VEC_1"><tt:Name>enc</tt:Name><tt:UseCount>1</tt:UseCount>' +
  '<tt:Encoding>H264</tt:Encoding><tt:Resolution><tt:Width>640</tt:Width><tt:Height>360</tt:Height></tt:Resolution>' +
  '</tt:VideoEncoderConfiguration>' +
  '<tt:PTZConfiguration token="PTZ_1"><tt:Name>ptz</tt:Name><tt:UseCount>1</tt:UseCount>' +
  '<tt:NodeToken>NODE_1</tt:NodeToken><tt:DefaultPTZTimeout>PT5S</tt:DefaultPTZTimeout></tt:PTZConfiguration>' +
  '</trt:Profiles></trt:GetProfilesResponse>';

const round = (v: number): string => (Math.round(v * 1e4) / 1e4).toString();

/** The answer to one request (a SOAP envelope), and whether it is a fault. */
export function answer(xml: string, head: DemoHead, base: string): { fault: boolean; xml: string } {
  const ok = (body: string) => ({ fault: false, xml: envelope(body) });
  const no = (reason: string) => ({ fault: true, xml: soapFault(reason) });
  const action = actionOf(xml);
  const ptz = ['ContinuousMove', 'Stop', 'GetStatus', 'GetPresets', 'GotoPreset'];
  if (action && ptz.includes(action) && textOf(xml, 'ProfileToken')?.trim() !== DEMO_PROFILE)
    return no('No such profile');
  switch (action) {
    case 'GetSystemDateAndTime':
      return ok(dateTime());
    case 'GetServices':
      return ok(
        '<tds:GetServicesResponse>' +
          SERVICES.map(
            ([ns, p]) =>
              `<tds:Service><tds:Namespace>${ns}</tds:Namespace><tds:XAddr>${base}/${p}</tds:XAddr>` +
              '<tds:Version><tt:Major>2</tt:Major><tt:Minor>5</tt:Minor></tds:Version></tds:Service>',
          ).join('') +
          '</tds:GetServicesResponse>',
      );
    case 'GetCapabilities':
      return ok(
        '<tds:GetCapabilitiesResponse><tds:Capabilities>' +
          `<tt:Device><tt:XAddr>${base}/device_service</tt:XAddr></tt:Device>` +
          `<tt:Media><tt:XAddr>${base}/media</tt:XAddr></tt:Media><tt:PTZ><tt:XAddr>${base}/ptz</tt:XAddr></tt:PTZ>` +
          '</tds:Capabilities></tds:GetCapabilitiesResponse>',
      );
    case 'GetProfiles':
      return ok(PROFILES);
    case 'GetVideoSources':
      return ok(
        '<trt:GetVideoSourcesResponse><trt:VideoSources token="VS_1"><tt:Framerate>25</tt:Framerate>' +
          '<tt:Resolution><tt:Width>640</tt:Width><tt:Height>360</tt:Height></tt:Resolution></trt:VideoSources>' +
          '</trt:GetVideoSourcesResponse>',
      );
    case 'ContinuousMove': {
      const m = moveOf(xml);
      if (!m) return no('Timeout must be whole seconds');
      head.move(m.v, m.timeoutMs);
      return ok('<tptz:ContinuousMoveResponse/>');
    }
    case 'Stop':
      head.stop();
      return ok('<tptz:StopResponse/>');
    case 'GetStatus': {
      const p = head.position();
      return ok(
        '<tptz:GetStatusResponse><tptz:PTZStatus><tt:Position>' +
          `<tt:PanTilt x="${round(p.pan)}" y="${round(p.tilt)}"/><tt:Zoom x="${round(p.zoom)}"/></tt:Position>` +
          `<tt:MoveStatus><tt:PanTilt>${head.moving() ? 'MOVING' : 'IDLE'}</tt:PanTilt></tt:MoveStatus>` +
          `<tt:UtcTime>${new Date().toISOString()}</tt:UtcTime></tptz:PTZStatus></tptz:GetStatusResponse>`,
      );
    }
    case 'GetPresets':
      return ok(
        '<tptz:GetPresetsResponse>' +
          DEMO_PRESETS.map(
            (p) => `<tptz:Preset token="${p.token}"><tt:Name>${p.name}</tt:Name></tptz:Preset>`,
          ).join('') +
          '</tptz:GetPresetsResponse>',
      );
    case 'GotoPreset': {
      const token = textOf(xml, 'PresetToken')?.trim();
      const preset = DEMO_PRESETS.find((p) => p.token === token);
      if (!preset) return no('No such preset');
      head.goto(preset.pose);
      return ok('<tptz:GotoPresetResponse/>');
    }
    default:
      return no('Action not implemented');
  }
}
