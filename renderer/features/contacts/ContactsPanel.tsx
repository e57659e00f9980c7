import { useEffect, useState } from 'react';
import {
  CONTACT_SITES,
  MAX_PHONE_CHARS,
  POLICE_SECOURS,
  type ContactEntry,
  type ContactSite,
} from '../../../common/contract';
import type { MessageKey } from '../../i18n';
import { useConsole, useT } from '../../console/console-store';
import { PanelFrame } from '../shell/PanelFrame';

/** The CSU's and the CIC's numbers: everyone who sees images reads them, the head of service edits. */
export function ContactsPanel() {
  const t = useT();
  const contacts = useConsole((s) => s.contacts);
  const canEdit = useConsole((s) => s.session?.permissions.includes('service') ?? false);
  const { loadContacts, saveContacts } = useConsole.getState();
  const [draft, setDraft] = useState<{ entries: ContactEntry[]; procedure: string } | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void loadContacts();
  }, [loadContacts]);
  useEffect(() => {
    if (contacts && canEdit) setDraft({ entries: contacts.entries, procedure: contacts.procedure });
  }, [contacts, canEdit]);

  const setEntry = (i: number, patch: Partial<ContactEntry>): void => {
    if (!draft) return;
    setSaved(false);
    setDraft({ ...draft, entries: draft.entries.map((e, j) => (j === i ? { ...e, ...patch } : e)) });
  };
  const save = async (): Promise<void> => {
    if (!draft) return;
    const ok = await saveContacts(draft);
    if (ok) useConsole.getState().clearErrorIn('contacts');
    setSaved(ok);
  };
  const site = (s: ContactSite): string => t(`contacts.site.${s}` as MessageKey);

  return (
    <PanelFrame testid="contacts-panel" title={t('contacts.title')}>
      <p className="police-secours" data-testid="contact-17">
        <strong>{POLICE_SECOURS}</strong> — {t('contacts.police17')}
      </p>
      {!canEdit && contacts && (
        <>
          <table data-testid="contacts-list">
            <tbody>
              {contacts.entries.map((e, i) => (
                <tr key={i} data-testid={`contact-row-${i}`} data-site={e.site}>
                  <td>{site(e.site)}</td>
                  <td>{e.label}</td>
                  <td className="phone">{e.number}</td>
                  <td>{e.notes}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {contacts.entries.length === 0 && <p className="muted">{t('contacts.none')}</p>}
          <h3>{t('contacts.procedure')}</h3>
          <p className="procedure" data-testid="contacts-procedure-text">
            {contacts.procedure || t('incident.noProcedure')}
          </p>
        </>
      )}
      {canEdit && draft && (
        <div data-testid="contacts-editor">
          <table>
            <tbody>
              {draft.entries.map((e, i) => (
                <tr key={i} data-testid={`contact-edit-${i}`}>
                  <td>
                    <select
                      data-testid={`contact-site-${i}`}
                      value={e.site}
                      onChange={(ev) => setEntry(i, { site: ev.target.value as ContactSite })}
                    >
                      {CONTACT_SITES.map((s) => (
                        <option key={s} value={s}>
                          {site(s)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      data-testid={`contact-label-${i}`}
                      placeholder={t('contacts.label')}
                      value={e.label}
                      onChange={(ev) => setEntry(i, { label: ev.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      data-testid={`contact-number-${i}`}
                      placeholder={t('contacts.number')}
                      inputMode="tel"
                      size={MAX_PHONE_CHARS}
                      value={e.number}
                      onChange={(ev) => setEntry(i, { number: ev.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      data-testid={`contact-notes-${i}`}
                      placeholder={t('contacts.notes')}
                      value={e.notes}
                      onChange={(ev) => setEntry(i, { notes: ev.target.value })}
                    />
                  </td>
                  <td>
                    <button
                      data-testid={`contact-remove-${i}`}
                      onClick={() => setDraft({ ...draft, entries: draft.entries.filter((_, j) => j !== i) })}
                    >
                      {t('contacts.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button
            data-testid="contacts-add"
            onClick={() =>
              setDraft({
                ...draft,
                entries: [...draft.entries, { site: 'csu', label: '', number: '', notes: '' }],
              })
            }
          >
            {t('contacts.add')}
          </button>
          <label className="block">
            {t('contacts.procedure')}
            <textarea
              data-testid="contacts-procedure"
              rows={4}
              value={draft.procedure}
              onChange={(ev) => {
                setSaved(false);
                setDraft({ ...draft, procedure: ev.target.value });
              }}
            />
          </label>
          <button data-testid="contacts-save" onClick={() => void save()}>
            {t('contacts.save')}
          </button>
          {saved && (
            <span className="ok" data-testid="contacts-saved">
              {t('contacts.saved')}
            </span>
          )}
        </div>
      )}
    </PanelFrame>
  );
}
