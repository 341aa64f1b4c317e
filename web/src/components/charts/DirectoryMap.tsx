import { Breadcrumb, Space, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useGeo } from '../../api/directory';
import type { DirectoryItem, GeoFeatureCollection } from '../../api/types';
import { codeLabel, KIND_COLORS } from '../../lib/care-codes';
import { PRIMARY_COLOR } from '../../theme';
import { type EChartsCoreOption, echarts } from './echarts-geo';
import { regionAt } from './geo-point';
import { MapLegend, RegionName } from './MapLegend';

export interface DirectoryMapProps {
  items: DirectoryItem[];
  /** The region filter: the map shows its city (or province) with its children outlined. */
  regionCode?: string;
  point: { lat: number; lng: number } | null;
  /** While true, a click on the map sets the point instead of choosing a region. */
  picking: boolean;
  onPickPoint: (point: { lat: number; lng: number }) => void;
  /** A region clicked on the map (or a breadcrumb); undefined goes back to the whole province. */
  onRegion: (code: string | undefined) => void;
  onOpen: (id: string) => void;
  height: number;
}

const HOME_PROVINCE = '13';
/** Zooming a province map this far in drills into the city at the centre. */
const DRILL_ZOOM = 2.5;

/** Map codes to try for a region filter, nearest first: its city, its province, Hebei. */
function candidates(regionCode: string | undefined): string[] {
  const list: string[] = [];
  if (regionCode && regionCode.length >= 4) list.push(regionCode.slice(0, 4));
  if (regionCode) list.push(regionCode.slice(0, 2));
  list.push(HOME_PROVINCE);
  return Array.from(new Set(list));
}

function featureCode(feature: GeoFeatureCollection['features'][number]): string {
  return String(feature.id ?? feature.properties.code ?? '');
}

/**
 * The directory's map: region boundaries from /api/geo (province → cities, city → counties) with
 * the results as points coloured by kind, affordable ones ringed. Without bundled boundaries it
 * still plots the points on longitude/latitude axes. Loaded lazily with ECharts.
 */
export default function DirectoryMap(props: DirectoryMapProps) {
  const { items, regionCode, point, picking, height } = props;
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ReturnType<typeof echarts.init> | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const [missing, setMissing] = useState<string[]>([]);
  const tries = candidates(regionCode).filter((code) => !missing.includes(code));
  const mapCode = tries[0] ?? null;
  const geo = useGeo(mapCode ?? HOME_PROVINCE);
  const [registered, setRegistered] = useState<string | null>(null);

  // A region without bundled boundaries: fall back to the next candidate, then to plain axes.
  useEffect(() => {
    if (geo.error instanceof ApiError && geo.error.status === 404 && mapCode && !missing.includes(mapCode)) {
      setMissing((current) => [...current, mapCode]);
    }
  }, [geo.error, mapCode, missing]);

  const names = useMemo(() => {
    const byName = new Map<string, string>();
    for (const feature of geo.data?.features ?? []) {
      if (feature.properties.name) byName.set(String(feature.properties.name), featureCode(feature));
    }
    return byName;
  }, [geo.data]);

  useEffect(() => {
    if (!mapCode || !geo.data) return;
    // biome-ignore lint/suspicious/noExplicitAny: echarts types GeoJSON loosely
    echarts.registerMap(mapCode, geo.data as any);
    setRegistered(mapCode);
  }, [mapCode, geo.data]);

  const useGeoMap = mapCode !== null && registered === mapCode && !!geo.data;
  const namesRef = useRef(names);
  namesRef.current = names;
  const usingGeoRef = useRef(useGeoMap);
  usingGeoRef.current = useGeoMap;
  const geoRef = useRef<{ code: string | null; data: GeoFeatureCollection | undefined }>({
    code: null,
    data: undefined,
  });
  geoRef.current = { code: mapCode, data: geo.data };

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = echarts.init(element, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('click', (params) => {
      const current = propsRef.current;
      if (params.componentType === 'series' && params.seriesIndex === 0) {
        const id = (params.data as { id?: string } | undefined)?.id;
        if (id && !current.picking) current.onOpen(id);
        return;
      }
      if (params.componentType === 'geo' && !current.picking) {
        const code = namesRef.current.get(String(params.name));
        if (code) current.onRegion(code);
      }
    });
    chart.getZr().on('click', (event) => {
      const current = propsRef.current;
      if (!current.picking) return;
      const finder = usingGeoRef.current ? { geoIndex: 0 } : { gridIndex: 0 };
      const value = chart.convertFromPixel(finder, [event.offsetX, event.offsetY]) as number[] | undefined;
      if (!value || !Number.isFinite(value[0]) || !Number.isFinite(value[1])) return;
      current.onPickPoint({ lng: Number(value[0]!.toFixed(6)), lat: Number(value[1]!.toFixed(6)) });
    });
    // Zoomed far into a province: show the counties of the city in the middle of the view.
    chart.on('georoam', () => {
      const { code, data } = geoRef.current;
      if (!usingGeoRef.current || !data || code?.length !== 2) return;
      const geoOption = (chart.getOption() as { geo?: { zoom?: number }[] }).geo?.[0];
      if ((geoOption?.zoom ?? 1) < DRILL_ZOOM) return;
      const centre = chart.convertFromPixel({ geoIndex: 0 }, [chart.getWidth() / 2, chart.getHeight() / 2]) as
        | number[]
        | undefined;
      const city = centre ? regionAt(data, centre[0]!, centre[1]!) : null;
      if (city) propsRef.current.onRegion(city);
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  const selectedName = useMemo(() => {
    if (!regionCode) return null;
    for (const [name, code] of names) if (regionCode.startsWith(code) && code !== mapCode) return name;
    return null;
  }, [names, regionCode, mapCode]);

  const option = useMemo<EChartsCoreOption>(() => {
    const located = items.filter((item) => item.lat !== null && item.lng !== null);
    const coordinateSystem = useGeoMap ? 'geo' : 'cartesian2d';
    const results = {
      type: 'scatter',
      coordinateSystem,
      data: located.map((item) => ({
        id: item.id,
        name: item.name,
        kind: item.kind,
        affordable: item.affordable,
        value: [item.lng, item.lat],
        symbolSize: item.affordable ? 15 : 11,
        itemStyle: {
          color: KIND_COLORS[item.kind] ?? PRIMARY_COLOR,
          borderColor: item.affordable ? '#c2413b' : '#ffffff',
          borderWidth: item.affordable ? 3 : 1,
        },
      })),
      emphasis: { scale: 1.4 },
      cursor: picking ? 'crosshair' : 'pointer',
      z: 3,
    };
    const mine = point
      ? {
          type: 'scatter',
          coordinateSystem,
          symbol: 'pin',
          symbolSize: 34,
          data: [{ name: t('directory.myPoint'), value: [point.lng, point.lat] }],
          itemStyle: { color: PRIMARY_COLOR },
          z: 4,
          silent: true,
        }
      : null;
    const tooltip = {
      trigger: 'item',
      formatter: (p: {
        componentType: string;
        name: string;
        data?: { kind?: string; affordable?: boolean };
      }) =>
        p.componentType === 'series' && p.data?.kind
          ? `${p.name}<br/>${codeLabel(t, 'kind', p.data.kind)}${p.data.affordable ? ` · ${t('directory.affordable')}` : ''}`
          : p.name,
    };
    const base = { animationDuration: 300, tooltip, series: [results, ...(mine ? [mine] : [])] };
    if (useGeoMap) {
      return {
        ...base,
        geo: {
          map: mapCode,
          roam: true,
          scaleLimit: { min: 0.8, max: 30 },
          layoutCenter: ['50%', '50%'],
          layoutSize: '95%',
          label: { show: mapCode.length >= 4, fontSize: 10, color: '#5b6b7a' },
          itemStyle: { areaColor: '#eef3f6', borderColor: '#9fb3c2', borderWidth: 1 },
          emphasis: { label: { show: true }, itemStyle: { areaColor: '#d7e7ee' } },
          select: { disabled: true },
          regions: selectedName ? [{ name: selectedName, itemStyle: { areaColor: '#cfe3ea' } }] : [],
        },
      };
    }
    return {
      ...base,
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: {
        type: 'value',
        scale: true,
        name: t('directory.lng'),
        splitLine: { lineStyle: { color: '#eef1f4' } },
      },
      yAxis: {
        type: 'value',
        scale: true,
        name: t('directory.lat'),
        splitLine: { lineStyle: { color: '#eef1f4' } },
      },
    };
  }, [items, point, picking, useGeoMap, mapCode, selectedName, t]);

  const lastMap = useRef<string | null>(null);
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    const mapChanged = lastMap.current !== (useGeoMap ? mapCode : 'axes');
    lastMap.current = useGeoMap ? mapCode : 'axes';
    // Keep the user's zoom while results change; start afresh when the map itself changes.
    chart.setOption(option, mapChanged ? { notMerge: true } : { replaceMerge: ['series'] });
  }, [option, useGeoMap, mapCode]);

  const pathCodes =
    mapCode && mapCode.length >= 4 ? [mapCode.slice(0, 2), mapCode] : mapCode ? [mapCode] : [];
  return (
    <div data-testid="directory-map">
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }} wrap>
        <Breadcrumb
          items={pathCodes.map((code, index) => ({
            key: code,
            title:
              index === pathCodes.length - 1 && regionCode === undefined ? (
                <RegionName code={code} />
              ) : (
                <Typography.Link onClick={() => props.onRegion(code === HOME_PROVINCE ? undefined : code)}>
                  <RegionName code={code} />
                </Typography.Link>
              ),
          }))}
        />
        {geo.isFetching && <Spin size="small" />}
      </Space>
      {!useGeoMap && !geo.isFetching && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('directory.noBoundaries')}
        </Typography.Text>
      )}
      <div
        ref={ref}
        style={{ width: '100%', height, cursor: picking ? 'crosshair' : undefined }}
        data-testid="directory-map-canvas"
      />
      <MapLegend />
    </div>
  );
}
