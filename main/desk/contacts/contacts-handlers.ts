/** Contract handlers of the contacts: everyone who sees images reads them; the head of service edits. */
import { z } from 'zod';
import {
  CONTACT_SITES,
  MAX_CONTACTS,
  MAX_PROCEDURE_CHARS,
  type ContactsView,
  type EventsOf,
} from '../../../common/contract';
import type { ChannelsOf } from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import { after, settle, type Awaitable } from '../../platform/storage/awaitable';
import { storageErrorCode } from '../../platform/storage/atomic-write';
import { defineChannels, type EventAccess, type Module } from '../../platform/ipc/module';
import type { EventSink } from '../../platform/ipc/router';
import { text } from '../../platform/ipc/shapes';
import { createLogger } from '../../platform/log/logger';
import type { Registry, RegistryActor } from '../../records/registry/registry';
import type { ContactStore } from './contacts-store';

const log = createLogger('contacts');

export interface ContactsDeps {
  store: ContactStore;
  registry: Registry;
  events: EventSink;
  actor: (clientId: string) => RegistryActor | null;
}

export const contactsEvents: EventAccess<'contacts:changed'> = { 'contacts:changed': 'view' };

// Everyone who sees images reads the contacts; the head of service (`service`) edits them.
export function contactsHandlers(d: ContactsDeps) {
  return defineChannels('contacts', {
    'contacts:get': { access: 'view', input: z.undefined(), handle: () => ok(d.store.get()) },
    'contacts:set': {
      access: 'service',
      // Lengths are bounded here; what a number may hold is told line by line by contacts-store.ts.
      input: z.strictObject({
        entries: z
          .array(
            z.strictObject({
              site: z.enum(CONTACT_SITES),
              label: text({ max: 200 }),
              number: text({ max: 200 }),
              notes: text({ max: 1000 }),
            }),
          )
          .max(MAX_CONTACTS),
        procedure: text({ max: MAX_PROCEDURE_CHARS * 2, multiline: true }),
      }),
      handle: (input, ctx) => {
        const by = d.actor(ctx.clientId);
        if (!by) return err('unauthenticated');
        const before = d.store.get();
        return settle(
          () => d.store.set(input, by.name),
          (saved) => (saved.ok ? recorded(d, by, before, saved.value) : saved),
          (e) => {
            log.error('contacts not saved', e);
            return err(storageErrorCode(e));
          },
        );
      },
    },
  });
}

/** Records a saved change; if the registry refuses it, the previous list is put back and it fails. */
function recorded(
  d: ContactsDeps,
  by: RegistryActor,
  before: ContactsView,
  saved: ContactsView,
): Awaitable<Result<ContactsView>> {
  try {
    d.registry.append({
      type: 'contacts.change',
      actor: by,
      data: {
        before: { entries: before.entries, procedure: before.procedure },
        after: { entries: saved.entries, procedure: saved.procedure },
      },
    });
  } catch (e) {
    // The change is written but not recorded: put the previous list back, and say it failed.
    log.error('contacts change not recorded: reverted', e);
    const back = { entries: before.entries, procedure: before.procedure };
    return after(d.store.set(back, before.updatedBy ?? ''), () => err('internal'));
  }
  d.events.emit('contacts:changed', saved);
  return ok(saved);
}

/** The contacts' module. */
export function createContacts(d: ContactsDeps): Module<ChannelsOf<'contacts'>, EventsOf<'contacts'>> {
  // A list saved on another post reaches this post's consoles as one saved here.
  const off = d.store.onChange?.((view) => d.events.emit('contacts:changed', view));
  return { handlers: contactsHandlers(d), events: contactsEvents, close: () => off?.() };
}
