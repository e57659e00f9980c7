/** Contract handlers of the contacts: everyone who sees images reads them; the head of service edits. */
import type { ChannelsOf } from '../../../common/contract';
import { err, ok } from '../../../common/result';
import { storageErrorCode } from '../../platform/storage/atomic-write';
import type { EventSink, Handlers } from '../../platform/ipc/router';
import { createLogger } from '../../platform/log/logger';
import type { Registry, RegistryActor } from '../../records/registry/registry';
import type { ContactsStore } from './contacts-store';

const log = createLogger('contacts');

export interface ContactsDeps {
  store: ContactsStore;
  registry: Registry;
  events: EventSink;
  actor: (clientId: string) => RegistryActor | null;
}

export function contactsHandlers(d: ContactsDeps): Pick<Handlers, ChannelsOf<'contacts'>> {
  return {
    'contacts:get': () => ok(d.store.get()),
    'contacts:set': (input, ctx) => {
      const by = d.actor(ctx.clientId);
      if (!by) return err('unauthenticated');
      const before = d.store.get();
      let saved;
      try {
        saved = d.store.set(input, by.name);
      } catch (e) {
        log.error('contacts not saved', e);
        return err(storageErrorCode(e));
      }
      if (!saved.ok) return saved;
      try {
        d.registry.append({
          type: 'contacts.change',
          actor: by,
          data: {
            before: { entries: before.entries, procedure: before.procedure },
            after: { entries: saved.value.entries, procedure: saved.value.procedure },
          },
        });
      } catch (e) {
        // The change is written but not recorded: put the previous list back, and say it failed.
        log.error('contacts change not recorded: reverted', e);
        d.store.set({ entries: before.entries, procedure: before.procedure }, before.updatedBy ?? '');
        return err('internal');
      }
      d.events.emit('contacts:changed', saved.value);
      return ok(saved.value);
    },
  };
}
