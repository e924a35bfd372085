/**
 * The examples of one page of rows, read from the worker when it holds the run's data.
 * A page asked for later wins: an answer for an earlier page is dropped.
 */
import { useEffect, useState } from 'react';
import type { DataFingerprint } from '../../../core/runs/fingerprint';
import type { ExampleData } from '../../../worker/evaluation/messages';
import { requestExamples } from './evaluationRequests';

export type PageExamples =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; rows: Int32Array; examples: ExampleData }
  | { status: 'failed'; notLoaded: boolean; message: string };

export function usePageExamples(
  rows: Int32Array,
  fingerprint: DataFingerprint | null,
  enabled: boolean,
): PageExamples {
  const [state, setState] = useState<PageExamples>({ status: 'idle' });
  useEffect(() => {
    if (!enabled || rows.length === 0) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState({ status: 'loading' });
    // A copy: the page's rows are a view into the cell's array, which stays the caller's.
    void requestExamples(rows.slice(), fingerprint).then((answer) => {
      if (!current) return;
      setState(
        answer.ok
          ? { status: 'ready', rows, examples: answer.examples }
          : { status: 'failed', notLoaded: answer.notLoaded, message: answer.message },
      );
    });
    return () => {
      current = false;
    };
  }, [rows, fingerprint, enabled]);
  return state;
}
