import { useQueryClient } from '@tanstack/react-query';
import { Alert, Skeleton, Tree, type TreeDataNode } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchRegionChildren, keys } from '../../api/queries';
import type { Region } from '../../api/types';

interface RegionTreeProps {
  /** The region the tree starts at (an official's own); null starts at the provinces. */
  root: Region | null;
  selectedCode: string | null;
  /** Ancestors of the selected region, province first, to expand the way down to it. */
  selectedPath: Region[];
  onSelect: (code: string) => void;
}

/** A lazily loaded tree of administrative divisions. */
export function RegionTree({ root, selectedCode, selectedPath, onSelect }: RegionTreeProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const rootCode = root?.code ?? '';
  const [childrenOf, setChildrenOf] = useState<Record<string, Region[]>>({});
  const [expandedKeys, setExpandedKeys] = useState<string[]>(root ? [root.code] : []);
  const [error, setError] = useState<string | null>(null);
  const containerRef = useRef<HTMLDivElement>(null);

  const loadChildren = useCallback(
    async (parent: string) => {
      const items = await queryClient.fetchQuery({
        queryKey: keys.regionChildren(parent),
        queryFn: () => fetchRegionChildren(parent),
        staleTime: 10 * 60_000,
      });
      setChildrenOf((current) => (current[parent] ? current : { ...current, [parent]: items }));
      return items;
    },
    [queryClient],
  );

  // The top level: the official's region (expanded) or the provinces.
  useEffect(() => {
    setError(null);
    setExpandedKeys(root ? [root.code] : []);
    loadChildren(rootCode).catch((e: Error) => setError(e.message));
  }, [root, rootCode, loadChildren]);

  // Open the way down to the selected region (e.g. chosen in the search box).
  const pathKey = selectedPath.map((r) => r.code).join(',');
  useEffect(() => {
    if (!pathKey) return;
    const ancestors = pathKey
      .split(',')
      .filter((code) => code.startsWith(rootCode) && code.length >= rootCode.length);
    if (ancestors.length === 0) return;
    let cancelled = false;
    (async () => {
      for (const code of ancestors) await loadChildren(code);
      if (cancelled) return;
      setExpandedKeys((current) => Array.from(new Set([...current, ...ancestors])));
      window.setTimeout(() => {
        containerRef.current
          ?.querySelector('.ant-tree-treenode-selected')
          ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      }, 50);
    })().catch((e: Error) => setError(e.message));
    return () => {
      cancelled = true;
    };
  }, [pathKey, rootCode, loadChildren]);

  const treeData = useMemo(() => {
    const build = (region: Region): TreeDataNode => {
      const kids = childrenOf[region.code];
      return {
        key: region.code,
        title: region.name,
        isLeaf: region.childCount === 0 || region.level >= 5,
        children: kids?.map(build),
      };
    };
    if (root) return [build(root)];
    return (childrenOf[''] ?? []).map(build);
  }, [root, childrenOf]);

  if (error) return <Alert type="error" showIcon title={t('regions.treeFailed')} description={error} />;
  if (treeData.length === 0 || (root && !childrenOf[rootCode] && root.childCount > 0)) {
    return <Skeleton active paragraph={{ rows: 6 }} />;
  }

  return (
    <div ref={containerRef} data-testid="region-tree" style={{ maxHeight: '65vh', overflow: 'auto' }}>
      <Tree
        blockNode
        showLine
        treeData={treeData}
        expandedKeys={expandedKeys}
        onExpand={(keysNow) => setExpandedKeys(keysNow.map(String))}
        selectedKeys={selectedCode ? [selectedCode] : []}
        onSelect={(selected) => {
          const code = selected[0];
          if (code !== undefined) onSelect(String(code));
        }}
        loadData={async (node) => {
          const code = String(node.key);
          if (!childrenOf[code]) await loadChildren(code);
        }}
        loadedKeys={Object.keys(childrenOf)}
        titleRender={(node) => (
          <span data-testid={`region-node-${String(node.key)}`} title={String(node.key)}>
            {node.title as string}
          </span>
        )}
      />
    </div>
  );
}
