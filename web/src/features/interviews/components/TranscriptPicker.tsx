/** Choosing the transcripts: the drop area (what is chosen so far) and the list, each removable. */
import { Dropzone } from '../../../ui/Dropzone.tsx';
import { fmtBytes } from '../../../ui/format.ts';
import { ACCEPT, isMeta, plural } from '../transcripts.ts';

export function TranscriptPicker({
  files,
  onAdd,
  onRemove,
}: {
  files: File[];
  onAdd(list: FileList): void;
  onRemove(file: File): void;
}) {
  const transcripts = files.filter((f) => !isMeta(f));
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  return (
    <>
      <Dropzone name="transcripts" accept={ACCEPT} multiple onFiles={onAdd}>
        {files.length > 0 ? (
          <span className="file-chosen">
            {plural(transcripts.length, 'transcript')}
            {transcripts.length < files.length ? ' and the interview list' : ''}{' '}
            <span className="faint">· {fmtBytes(totalBytes)} · add more</span>
          </span>
        ) : (
          <span>
            <strong>Choose transcripts</strong> or drop them here
          </span>
        )}
        <span className="faint">
          Otter or meeting-recorder text, Teams/Zoom VTT, SRT, DOCX, Whisper, Rev or AssemblyAI JSON; add a
          CSV with id, role, date to show interviewees by role
        </span>
      </Dropzone>

      {files.length > 0 ? (
        <ul className="syn-files" aria-label="Chosen transcripts">
          {files.map((f) => (
            <li key={f.name}>
              <span>
                {f.name}
                {isMeta(f) ? <span className="badge syn-meta-badge">roles and dates</span> : null}
              </span>
              <span className="faint">{fmtBytes(f.size)}</span>
              <button
                type="button"
                className="btn-link"
                aria-label={`Remove ${f.name}`}
                onClick={() => onRemove(f)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
