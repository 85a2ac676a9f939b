// One PDF page as a canvas (pdf.js in its worker); a spinner while it draws, a file icon if it cannot.
import { FilePdfOutlined } from '@ant-design/icons';
import { Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { drawPdfPage } from './pdf.js';

export interface PdfCanvasProps {
  sha256: string;
  page: number;
  width: number;
  label: string;
  className?: string;
}

export function PdfCanvas({ sha256, page, width, label, className }: PdfCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'drawing' | 'done' | 'failed'>('drawing');

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    setState('drawing');
    return drawPdfPage(canvas, sha256, page, width, (error) => setState(error ? 'failed' : 'done'));
  }, [sha256, page, width]);

  return (
    <span className={`pdf-canvas ${className ?? ''}`} data-state={state}>
      <canvas ref={ref} role="img" aria-label={label} hidden={state === 'failed'} />
      {state === 'drawing' && <Spin size="small" className="pdf-canvas-spin" />}
      {state === 'failed' && <FilePdfOutlined className="thumb-icon" aria-label={label} />}
    </span>
  );
}
