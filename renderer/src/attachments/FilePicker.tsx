// A hidden <input type=file multiple> opened by a real button: the native picker in the browser mode and
// in the desktop shell alike (the shell reads the chosen paths through the preload, docs/attachments.md).
import { forwardRef, useImperativeHandle, useRef } from 'react';

/** What the upload profile and the core accept (docs/attachments.md "What is taken in"). */
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.tif,.tiff,.heic,.heif,application/pdf,image/*';

export interface FilePickerHandle {
  open(): void;
}

export interface FilePickerProps {
  onFiles: (files: File[]) => void;
  testId?: string;
  /** What the picker offers; the attachments' types when omitted. */
  accept?: string;
  multiple?: boolean;
}

export const FilePicker = forwardRef<FilePickerHandle, FilePickerProps>(function FilePicker(
  { onFiles, testId, accept = ACCEPT, multiple = true },
  ref,
) {
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => ({ open: () => input.current?.click() }), []);
  return (
    <input
      ref={input}
      type="file"
      multiple={multiple}
      accept={accept}
      hidden
      data-testid={testId}
      onChange={(e) => {
        const files = [...(e.target.files ?? [])];
        // Reset so that choosing the same file again fires another change.
        e.target.value = '';
        if (files.length > 0) onFiles(files);
      }}
    />
  );
});
