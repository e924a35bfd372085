import { useState } from 'react';
import { useAppStore } from '../../state/store';
import { kerasScript } from '../../core/export/codegen/kerasScript';
import { pytorchScript, type CodegenOutcome } from '../../core/export/codegen/pytorchScript';
import type { CodegenInput } from '../../core/export/codegen/common';
import { downloadText } from './download';
import { codegenInput } from './codeExport';

/** "Download Keras script" and "Download PyTorch script". */
export function CodeExportButtons() {
  const pushNotice = useAppStore((s) => s.pushNotice);
  const [busy, setBusy] = useState(false);
  const download = async (generate: (i: CodegenInput) => CodegenOutcome, filename: string) => {
    setBusy(true);
    const input = codegenInput();
    setBusy(false);
    if (typeof input === 'string') {
      pushNotice('error', input);
      return;
    }
    const result = generate(input);
    if (!result.ok) pushNotice('error', `Could not write ${filename}: ${result.message}`);
    else downloadText(result.code, filename, 'text/x-python');
  };
  return (
    <>
      <button
        type="button"
        disabled={busy}
        onClick={() => void download(kerasScript, 'model_keras.py')}
      >
        Download Keras script
      </button>
      <button
        type="button"
        disabled={busy}
        onClick={() => void download(pytorchScript, 'model_pytorch.py')}
      >
        Download PyTorch script
      </button>
    </>
  );
}
