import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Spin } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, describeError } from '../../api/errors';
import { ErrorAlert } from '../../shared/ErrorAlert';
import type { EditBody } from './draft-editor';
import { DraftReview } from './DraftReview';
import type { ImportSummary } from './import-draft.types';
import {
  commitImport,
  discardImport,
  editImport,
  fetchDepartments,
  fetchImport,
  fetchSource,
} from './imports-api';

/** 导入审核: loads the draft, its source and the directory; saves each edit as it is made. */
export default function ImportDraftPage() {
  const { importId = '' } = useParams();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const key = ['plan-import', importId];
  const summary = useQuery({ queryKey: key, queryFn: () => fetchImport(importId) });
  const source = useQuery({
    queryKey: ['plan-import-source', importId],
    queryFn: () => fetchSource(importId),
    staleTime: Infinity,
  });
  const departments = useQuery({ queryKey: ['departments'], queryFn: fetchDepartments });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** One step on the draft: busy meanwhile; a refusal shown, and after a 409 the draft read again. */
  const attempt = async <T,>(step: () => Promise<T>): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      return await step();
    } catch (failure) {
      setError(describeError(failure));
      // Someone else changed the draft: show theirs, so the edit can be made again on it.
      if (failure instanceof ApiError && failure.status === 409) {
        await queries.invalidateQueries({ queryKey: key });
      }
      return null;
    } finally {
      setBusy(false);
    }
  };

  const onEdit = (body: EditBody): Promise<ImportSummary | null> =>
    attempt(async () => {
      const saved = await editImport(importId, body);
      queries.setQueryData<ImportSummary>(key, saved);
      return saved;
    });

  const onCommit = async () => {
    if (!summary.data) {
      return;
    }
    const { rowVersion } = summary.data;
    await attempt(async () => {
      const committed = await commitImport(importId, rowVersion);
      await queries.invalidateQueries({ queryKey: ['plan-imports'] });
      void navigate(`/tasks?planId=${committed.planId ?? ''}`);
    });
  };

  const onDiscard = () =>
    attempt(async () => {
      await discardImport(importId);
      await queries.invalidateQueries({ queryKey: ['plan-imports'] });
      void navigate('/imports');
    });

  const loadError = summary.error ?? source.error ?? departments.error;
  if (loadError) {
    return <ErrorAlert error={loadError} />;
  }
  if (!summary.data || !source.data || !departments.data) {
    return <Spin description="正在读取导入草稿……" />;
  }
  return (
    <DraftReview
      summary={summary.data}
      fileName={source.data.fileName}
      sourceText={source.data.text}
      departments={departments.data}
      busy={busy}
      tasksLink={<Link to={`/tasks?planId=${summary.data.planId ?? ''}`}>查看任务</Link>}
      error={error}
      onEdit={onEdit}
      onCommit={() => void onCommit()}
      onDiscard={() => void onDiscard()}
    />
  );
}
