/**
 * A file drop area that is also the file input's label (click or keyboard opens the picker). The
 * caller says what a drop or a pick means; the children say what is chosen so far. `onFiles` must take
 * what it needs at once: the input is cleared right after (so the same file can be picked again), and
 * its FileList with it.
 */
import { type ReactNode, useId, useState } from 'react';
import './Dropzone.css';

export function Dropzone({
  children,
  accept,
  multiple = false,
  name,
  onFiles,
}: {
  children: ReactNode;
  accept: string;
  multiple?: boolean;
  name: string;
  onFiles(files: FileList): void;
}) {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);
  return (
    <label
      htmlFor={inputId}
      className={dragging ? 'dropzone dragging' : 'dropzone'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        onFiles(e.dataTransfer.files);
      }}
    >
      <svg
        width="34"
        height="34"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        aria-hidden="true"
      >
        <path d="M12 16V4m0 0-4.5 4.5M12 4l4.5 4.5" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3" strokeLinecap="round" />
      </svg>
      {children}
      <input
        id={inputId}
        type="file"
        name={name}
        multiple={multiple}
        className="visually-hidden"
        accept={accept}
        onChange={(e) => {
          if (e.target.files) onFiles(e.target.files);
          // The same file picked again is a new pick.
          e.target.value = '';
        }}
      />
    </label>
  );
}
