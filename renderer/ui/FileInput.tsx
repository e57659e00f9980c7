/**
 * A file field worded by the console ("Choisir un fichier", the file's name or "Aucun fichier"),
 * never by the browser; the input itself stays in the page for the keyboard and for tests. After an
 * import the form resets it: a new field is shown, which names no file.
 */
import { useRef, useState, type RefObject } from 'react';
import { useT } from '../console/console-store';

/** The form's hold on its file field: the file picked, and the reset after an import. */
export interface FileField {
  input: RefObject<HTMLInputElement | null>;
  /** Bumped by `reset`: a new field, naming no file. */
  generation: number;
  picked(): File | undefined;
  reset(): void;
}

export function useFileField(): FileField {
  const input = useRef<HTMLInputElement>(null);
  const [generation, setGeneration] = useState(0);
  return {
    input,
    generation,
    picked: () => input.current?.files?.[0],
    reset: () => setGeneration((g) => g + 1),
  };
}

interface Props {
  field: FileField;
  label: string;
  accept: string;
  testid: string;
  onPick?(file: File | null): void;
}

export function FileInput({ field, ...props }: Props) {
  return <FilePick key={field.generation} input={field.input} {...props} />;
}

function FilePick({ input, label, accept, testid, onPick }: Omit<Props, 'field'> & Pick<FileField, 'input'>) {
  const t = useT();
  const [name, setName] = useState<string | null>(null);
  return (
    <label className="file-pick">
      <span className="field-label">{label}</span>
      <input
        ref={input}
        type="file"
        className="sr-only"
        accept={accept}
        data-testid={testid}
        onChange={(e) => {
          const f = e.target.files?.[0] ?? null;
          setName(f?.name ?? null);
          onPick?.(f);
        }}
      />
      <span className="file-button" aria-hidden="true">
        {t('form.chooseFile')}
      </span>
      <span className="file-name">{name ?? t('form.noFile')}</span>
    </label>
  );
}
