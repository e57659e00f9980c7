/**
 * A display driven by its profile on this PC: one command at a time (a serial line is one wire),
 * each recorded in the registry with the operator, its outcome and, on failure, the reason.
 */
import type { DisplayCommand, DisplayInfo } from '../../../../common/display';
import { err, ok, type Result } from '../../../../common/result';
import { createLogger } from '../../../platform/log/logger';
import type { RegistryActor, RegistryInput } from '../../../records/registry/registry';
import type { DisplayControl } from './display-control';
import { toBytes, type DisplayProfile, type ProfileCommand } from './profile';
import { sendToDisplay, type DisplayTarget } from './transports';

const log = createLogger('display');

export class ProfileDisplay implements DisplayControl {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly profile: DisplayProfile,
    private readonly target: DisplayTarget,
    private readonly record: (entry: RegistryInput) => void,
  ) {}

  info(): DisplayInfo {
    return {
      model: this.profile.model,
      label: this.profile.label,
      inputs: Object.keys(this.profile.commands.inputs),
      scenarios: Object.keys(this.profile.commands.scenarios),
    };
  }

  send(cmd: DisplayCommand, by: RegistryActor): Promise<Result<null>> {
    const next = this.queue.then(() => this.run(cmd, by));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private lookup(cmd: DisplayCommand): ProfileCommand | undefined {
    const c = this.profile.commands;
    if (cmd.kind === 'power') return cmd.on ? c.powerOn : c.powerOff;
    const table = cmd.kind === 'input' ? c.inputs : c.scenarios;
    return Object.hasOwn(table, cmd.name) ? table[cmd.name] : undefined;
  }

  private async run(cmd: DisplayCommand, by: RegistryActor): Promise<Result<null>> {
    const model = this.profile.model;
    const entry = lookupName(cmd);
    const c = this.lookup(cmd);
    if (!c) return err('display_failed', { reason: 'unknown_command', model });
    const r = await sendToDisplay(this.profile, this.target, toBytes(c), c.reply ? toBytes(c.reply) : null);
    const data = { model, command: entry, ok: r.ok, ...(!r.ok && { reason: r.reason, detail: r.detail }) };
    if (!r.ok) log.warn(`display ${model}: ${entry} failed: ${r.reason} (${r.detail})`);
    try {
      this.record({ type: 'display.command', actor: by, surface: 'wall', data });
    } catch (e) {
      log.error('display command not recorded', e);
    }
    return r.ok ? ok(null) : err('display_failed', { reason: r.reason, model });
  }
}

function lookupName(cmd: DisplayCommand): string {
  return cmd.kind === 'power' ? (cmd.on ? 'power-on' : 'power-off') : `${cmd.kind}:${cmd.name}`;
}
